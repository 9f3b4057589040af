package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileRecordsSinkTest {

    private static final ReportContext REPORT = new ReportContext(
            "job-1",
            "50001018",
            "_GET_TEST_",
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-02T00:00:00Z"));

    private static final List<TestRecord> RECORDS = List.of(
            TestRecord.of("a", "USD", "1000.00", "2024-01-01T10:15:30Z", 3L, "refund, \"partial\"\nsecond line"),
            TestRecord.of("b", "EUR", "-0.30", "2024-01-01T23:59:59.123Z", null, null),
            new TestRecord("c", "JPY", new BigDecimal("1E+3"), null, -7L, ""));

    @TempDir
    Path out;

    @Test
    void writesJsonLinesWithExactDecimalsAndUtcTimes() throws Exception {
        deliver(sink(FileFormat.JSONL), RECORDS);

        assertThat(Files.readString(out.resolve("test_record/50001018.jsonl"))).isEqualTo("""
                {"id":"a","currency":"USD","amount":"1000.00","postedAt":"2024-01-01T10:15:30Z","quantity":3,"note":"refund, \\"partial\\"\\nsecond line"}
                {"id":"b","currency":"EUR","amount":"-0.30","postedAt":"2024-01-01T23:59:59.123Z","quantity":null,"note":null}
                {"id":"c","currency":"JPY","amount":"1000","postedAt":null,"quantity":-7,"note":""}
                """);
    }

    @Test
    void writesRfc4180CsvWithAHeader() throws Exception {
        deliver(sink(FileFormat.CSV), RECORDS);

        assertThat(Files.readString(out.resolve("test_record/50001018.csv")))
                .isEqualTo("id,currency,amount,postedAt,quantity,note\r\n"
                        + "a,USD,1000.00,2024-01-01T10:15:30Z,3,\"refund, \"\"partial\"\"\nsecond line\"\r\n"
                        + "b,EUR,-0.30,2024-01-01T23:59:59.123Z,,\r\n"
                        + "c,JPY,1000,,-7,\"\"\r\n");
    }

    @Test
    void nothingIsVisibleBeforeCommitAndNoTemporaryFileAfter() throws Exception {
        FileRecordsSink sink = sink(FileFormat.JSONL, FileFormat.CSV);
        try (ReportWriter<TestRecord> writer = sink.open(REPORT, TestRecord.LAYOUT)) {
            writer.write(RECORDS.get(0));
            assertThat(names()).containsExactlyInAnyOrder(".50001018.jsonl.part", ".50001018.csv.part");

            writer.commit();
            assertThat(writer.count()).isEqualTo(1);
        }
        assertThat(names()).containsExactlyInAnyOrder("50001018.jsonl", "50001018.csv");
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws Exception {
        try (ReportWriter<TestRecord> writer =
                sink(FileFormat.JSONL, FileFormat.CSV).open(REPORT, TestRecord.LAYOUT)) {
            writer.write(RECORDS.get(0));
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void replayingAReportReplacesItsFiles() throws Exception {
        FileRecordsSink sink = sink(FileFormat.CSV);
        deliver(sink, RECORDS);
        deliver(sink, List.of(RECORDS.get(1)));

        assertThat(names()).containsExactly("50001018.csv");
        assertThat(Files.readAllLines(out.resolve("test_record/50001018.csv")))
                .containsExactly("id,currency,amount,postedAt,quantity,note", "b,EUR,-0.30,2024-01-01T23:59:59.123Z,,");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void filesAreReadableByOwnerAndGroupOnly() throws Exception {
        deliver(sink(FileFormat.JSONL), RECORDS);

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("test_record/50001018.jsonl"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void refusesReportIdsThatAreNotPlainFileNames() {
        ReportContext sneaky = new ReportContext("job-1", "../../etc/passwd", "_GET_TEST_", null, null);

        assertThatThrownBy(() -> sink(FileFormat.CSV).open(sneaky, TestRecord.LAYOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report id cannot be used as a file name: ../../etc/passwd");
    }

    private FileRecordsSink sink(FileFormat... formats) {
        return new FileRecordsSink(out, EnumSet.copyOf(List.of(formats)));
    }

    private static void deliver(FileRecordsSink sink, List<TestRecord> records) throws Exception {
        try (ReportWriter<TestRecord> writer = sink.open(REPORT, TestRecord.LAYOUT)) {
            for (TestRecord record : records) {
                writer.write(record);
            }
            writer.commit();
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("test_record"))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
