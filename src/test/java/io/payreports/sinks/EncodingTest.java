package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The file, SFTP and S3 sinks' encodings: as an operator names them, and the bytes they produce. */
class EncodingTest {

    private static final Object[] ROW = {
        "a", "USD", new BigDecimal("-1000.50"), Instant.parse("2024-01-01T10:15:30Z"), 3L, null
    };

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jsonl|JSONL|false|jsonl",
                "csv|CSV|false|csv",
                "' CSV.GZ '|CSV|true|csv.gz",
                "jsonl.gz|JSONL|true|jsonl.gz"
            })
    void readsTheOperatorsNameAndGivesTheFileExtension(String text, FileFormat format, boolean gzip, String extension) {
        Encoding encoding = Encoding.parse(text);

        assertThat(encoding).isEqualTo(new Encoding(format, gzip));
        assertThat(encoding.extension()).isEqualTo(extension);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "gz", ".gz", "csv.zip", "parquet", "csvgz"})
    void rejectsAnUnknownFormatNamingIt(String text) {
        assertThatThrownBy(() -> Encoding.parse(" " + text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format '" + text + "', use jsonl or csv, optionally with .gz");
    }

    @Test
    void csvHasAHeaderLineAndExactValues() throws Exception {
        assertThat(encode(new Encoding(FileFormat.CSV, false)))
                .isEqualTo("id,currency,amount,postedAt,quantity,note\r\na,USD,-1000.50,2024-01-01T10:15:30Z,3,\r\n");
    }

    @Test
    void gzipWrapsTheSameBytesAndFinishHandsOverTheWholeStream() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Encoding.Output output = new Encoding(FileFormat.JSONL, true).open(raw, TestRecord.LAYOUT.columns());
        output.write(ROW);
        output.finish(); // before close: the sinks sync the file between the two

        String json = new String(
                new GZIPInputStream(new ByteArrayInputStream(raw.toByteArray())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(json)
                .isEqualTo(
                        "{\"id\":\"a\",\"currency\":\"USD\",\"amount\":\"-1000.50\",\"postedAt\":\"2024-01-01T10:15:30Z\","
                                + "\"quantity\":3,\"note\":null}\n");
        output.close();
    }

    private static String encode(Encoding encoding) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (Encoding.Output output = encoding.open(raw, TestRecord.LAYOUT.columns())) {
            output.write(ROW);
            output.finish();
        }
        return raw.toString(StandardCharsets.UTF_8);
    }
}
