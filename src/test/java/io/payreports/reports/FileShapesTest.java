package io.payreports.reports;

import static io.payreports.reports.ReportModels.SETTLEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One fixture per file quirk real merchants' settlement files show (src/test/resources/reports/quirks/). */
class FileShapesTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    @Test
    void tabSeparatedWithTitleLineAndLongNumericIds() throws IOException {
        ParsedReport report = quirk("tab-separated.tsv", ReadOptions.DEFAULTS);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records()).hasSize(2);
        Map<String, Object> capture = report.records().get(0);
        assertThat(capture)
                .containsEntry("sellerId", "A1XX")
                .containsEntry("settlementStartDate", Instant.parse("2015-09-30T07:00:00Z"))
                .containsEntry("settlementId", "12345678901234567890")
                .containsEntry("transactionPostedDate", Instant.parse("2015-09-30T22:00:44Z"))
                .containsEntry("transactionPostedDateRaw", "2015-09-30T15:00:44-0700")
                .containsEntry("transactionAmount", new BigDecimal("1000.00"));
        Map<String, Object> transfer = report.records().get(1);
        assertThat(transfer)
                .containsEntry("amazonTransactionId", null)
                .containsEntry("transactionPercentageFee", new BigDecimal("0"))
                .containsEntry("transactionPostedDate", Instant.parse("2015-10-01T08:00:00Z"));
    }

    @Test
    void titleLinesAndOneKeyValuePairPerLineAboveTheColumnLine() throws IOException {
        ParsedReport report = quirk("title-and-key-value-header.csv", ReadOptions.DEFAULTS);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("sellerId", "A1XX111XXX111XXX")
                        .containsEntry("settlementStartDate", Instant.parse("2015-05-18T21:37:01Z"))
                        .containsEntry("settlementEndDate", Instant.parse("2015-05-21T21:37:03Z"))
                        .containsEntry("lineNumber", 8L)
                        .containsEntry("transactionPostedDate", Instant.parse("2015-05-18T15:48:50Z")));
    }

    @Test
    void aTrailingSeparatorOnTheColumnLineButNotOnTheRowsAndTheReverse() throws IOException {
        ParsedReport onColumns = quirk("trailing-separator-on-column-line.csv", ReadOptions.DEFAULTS);
        assertThat(onColumns.failures()).isEmpty();
        assertThat(onColumns.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("transactionPostedDate", Instant.parse("2015-05-18T22:48:50Z"))
                        .containsEntry("extraColumns", null));

        ParsedReport onRows = quirk("trailing-separator-on-rows.csv", ReadOptions.DEFAULTS);
        assertThat(onRows.failures()).isEmpty();
        assertThat(onRows.records())
                .extracting(record -> record.get("transactionType"))
                .containsExactly("Reserve", "Carryover");
    }

    @Test
    void semicolonsDecimalCommasAndDayFirstDates() throws IOException {
        ParsedReport report = quirk("decimal-comma-semicolon.csv", ReadOptions.DEFAULTS);

        assertThat(report.failures()).isEmpty();
        Map<String, Object> capture = report.records().get(0);
        assertThat(capture)
                .containsEntry("transactionAmount", new BigDecimal("1141.18"))
                .containsEntry("transactionPercentageFee", new BigDecimal("-21.68"))
                .containsEntry("netTransactionAmount", new BigDecimal("1119.15"))
                .containsEntry("storeName", "Müller GmbH")
                .containsEntry("transactionPostedDate", Instant.parse("2015-09-30T13:00:44Z"));
        assertThat(report.records().get(1))
                .containsEntry("transactionAmount", new BigDecimal("-32.40"))
                .containsEntry("transactionPostedDate", Instant.parse("2015-10-01T00:00:00Z"))
                .containsEntry("transactionPostedDateRaw", "01/10/2015");
    }

    @Test
    void windows1252AndShiftJisWhenTheJobSaysSo() throws IOException {
        ParsedReport latin =
                quirk("windows-1252.csv", ReadOptions.DEFAULTS.withCharset(Charset.forName("windows-1252")));
        assertThat(latin.failures()).isEmpty();
        assertThat(latin.records().get(0))
                .containsEntry("storeName", "Café Übersee")
                .containsEntry("transactionDescription", "Prix: 12 €");

        ParsedReport japanese = quirk("shift-jis.csv", ReadOptions.DEFAULTS.withCharset(Charset.forName("Shift_JIS")));
        assertThat(japanese.failures()).isEmpty();
        assertThat(japanese.records().get(0))
                .containsEntry("storeName", "東京ストア")
                .containsEntry("transactionAmount", new BigDecimal("1200"))
                .containsEntry("transactionPostedDate", Instant.parse("2015-05-18T06:48:50Z"));
    }

    @Test
    void textThatIsNotInTheExpectedCharsetRejectsTheDocumentInsteadOfGarblingIt() {
        assertThatThrownBy(() -> quirk("windows-1252.csv", ReadOptions.DEFAULTS))
                .rootCause()
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        assertThatThrownBy(() -> quirk("windows-1252.csv", ReadOptions.DEFAULTS))
                .hasMessageContaining(
                        "report R1 is not UTF-8 text in its first lines; set the job's charset (e.g. windows-1252, ISO-8859-1, Shift_JIS)");
    }

    @Test
    void unknownColumnsAreKeptAndMissingOptionalOnesAreNull() throws IOException {
        ParsedReport report = quirk("extra-and-missing-columns.csv", ReadOptions.DEFAULTS);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("storeName", null)
                        .containsEntry("settlementId", "98765432109876543210")
                        .containsEntry("transactionAmount", new BigDecimal("0"))
                        .containsEntry(
                                "extraColumns",
                                "{\"MarketplaceName\":\"amazon.com\",\"SoftDescriptor\":\"AMZ*Court\"}"));
    }

    private static ParsedReport quirk(String fixture, ReadOptions options) throws IOException {
        return ParsedReport.fixture(CAMEL, SETTLEMENT, "quirks/" + fixture, options);
    }
}
