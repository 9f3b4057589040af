package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Charset from the byte order mark, and the separator of the column line. */
class ReportTextTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void aByteOrderMarkOverridesTheConfiguredCharsetAndIsNotPartOfTheText() throws IOException {
        assertThat(decode(bytes("\uFEFFSellerId", StandardCharsets.UTF_8), WINDOWS_1252))
                .isEqualTo("SellerId");
        assertThat(decode(bytes("\uFEFFGröße", StandardCharsets.UTF_16LE), WINDOWS_1252))
                .isEqualTo("Größe");
        assertThat(decode(bytes("\uFEFFGröße", StandardCharsets.UTF_16BE), WINDOWS_1252))
                .isEqualTo("Größe");
    }

    @Test
    void aUtf16ByteOrderMarkAloneIsAnEmptyDocument() throws IOException {
        assertThat(decode(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(decode(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_8))
                .isEmpty();
    }

    /**
     * Text in a one-byte charset that starts with some but not all bytes of a byte order mark is read as it is:
     * {@code ï»¿} is the UTF-8 mark in windows-1252, {@code ÿþ} and {@code þÿ} the UTF-16 ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"A»¿ title", "ïA¿ title", "ï»A title", "Aþ title", "ÿA title", "Aÿ title", "þA title"})
    void bytesThatOnlyPartlyMatchAByteOrderMarkAreText(String title) throws IOException {
        assertThat(decode(bytes(title, WINDOWS_1252), WINDOWS_1252)).isEqualTo(title);
    }

    @Test
    void theSeparatorIsTheOneTheColumnLineHoldsMostOf() throws IOException {
        assertThat(separator("Report; title, with a comma\nSellerId\tSettlementId\tAmount;Fee\n"))
                .isEqualTo('\t');
        assertThat(separator("sellerid;settlementid;amount\n"))
                .as("matched ignoring case")
                .isEqualTo(';');
    }

    @Test
    void commaWinsATieAndIsTheDefaultWithoutSeparatorsOrColumnLine() throws IOException {
        assertThat(separator("SellerId;SettlementId\tAmount,Fee\n")).isEqualTo(',');
        assertThat(separator("SellerId\n")).isEqualTo(',');
        assertThat(separator("a;b;c\n")).as("no line names the column").isEqualTo(',');
    }

    @Test
    void findingTheSeparatorLeavesTheTextToBeReadFromItsStart() throws IOException {
        BufferedReader text = new BufferedReader(new StringReader("title\nSellerId;Amount\n"));

        assertThat(ReportText.separator(text, "SellerId")).isEqualTo(';');
        assertThat(text.readLine()).isEqualTo("title");
    }

    private static String decode(byte[] document, Charset configured) throws IOException {
        try (BufferedReader text = ReportText.decode(new ByteArrayInputStream(document), configured)) {
            StringBuilder read = new StringBuilder();
            for (int c = text.read(); c >= 0; c = text.read()) {
                read.append((char) c);
            }
            return read.toString();
        }
    }

    private static char separator(String text) throws IOException {
        return ReportText.separator(new BufferedReader(new StringReader(text)), "SellerId");
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }
}
