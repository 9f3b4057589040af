package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterWriterTest {

    private static final ReportContext REPORT = new ReportContext(
            "settlements", "50001018", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_", null, null);
    private static final Instant FAILED_AT = Instant.parse("2024-03-04T05:06:07.000000123Z");
    private static final Clock CLOCK = Clock.fixed(FAILED_AT, ZoneOffset.UTC);

    @TempDir
    Path out;

    @Test
    void writesEveryFieldAndThePayloadVerbatim() throws Exception {
        String payload = "P01-1234\t\"Capture\"\t1,000.00\tUSD\r\n";
        Path file = new DeadLetterWriter(out, CLOCK)
                .write(DeadLetter.of(
                        REPORT,
                        42L,
                        new DateTimeParseException(
                                "Text '04.03.2024' could not be parsed\nat index 0", "04.03.2024", 0),
                        "jdbc",
                        payload,
                        FAILED_AT));

        assertThat(file)
                .isEqualTo(out.resolve(
                        "dead-letter/settlements/20240304T050607.000000123Z_50001018_L0000000042_000001.json"));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("jobId").asText()).isEqualTo("settlements");
        assertThat(json.get("reportId").asText()).isEqualTo("50001018");
        assertThat(json.get("reportType").asText()).isEqualTo("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_");
        assertThat(json.get("lineNumber").asLong()).isEqualTo(42);
        assertThat(json.get("reason").asText()).isEqualTo("Text '04.03.2024' could not be parsed at index 0");
        assertThat(json.get("exceptionClass").asText()).isEqualTo("java.time.format.DateTimeParseException");
        assertThat(json.get("failedAt").asText()).isEqualTo("2024-03-04T05:06:07.000000123Z");
        assertThat(json.get("sink").asText()).isEqualTo("jdbc");
        assertThat(json.get("payload").asText()).isEqualTo(payload);
    }

    @Test
    void anotherAccountsDeadLettersAreKeptUnderItsNameAndSayWhose() throws Exception {
        ReportContext eu = new ReportContext(
                REPORT.jobId(), "eu", REPORT.reportId(), REPORT.reportType(), REPORT.dataStart(), REPORT.dataEnd());
        DeadLetterWriter writer = new DeadLetterWriter(out, CLOCK);

        Path file = writer.write(DeadLetter.of(eu, 7L, new IllegalStateException("bad"), null, "x", FAILED_AT));
        Path defaults = writer.write(DeadLetter.of(REPORT, 7L, new IllegalStateException("bad"), null, "x", FAILED_AT));

        assertThat(file.getParent()).isEqualTo(DeadLetterWriter.jobDirectory(out, "eu", "settlements"));
        assertThat(file.getParent()).isEqualTo(out.resolve("dead-letter/eu/settlements"));
        assertThat(new ObjectMapper().readTree(file.toFile()).get("account").asText())
                .isEqualTo("eu");
        assertThat(defaults.getParent()).isEqualTo(out.resolve("dead-letter/settlements"));
        assertThat(new ObjectMapper().readTree(defaults.toFile()).get("account").asText())
                .isEqualTo("default");
    }

    @Test
    void redactsPresignedUrlsInTheReason() throws Exception {
        Path file = new DeadLetterWriter(out, CLOCK)
                .write(DeadLetter.of(
                        REPORT,
                        null,
                        new IOException(
                                "GET https://tortuga-prod-na.s3.amazonaws.com/doc-1?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                        + "&X-Amz-Signature=0123abcd returned 403"),
                        "jdbc",
                        "",
                        FAILED_AT));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("reason").asText())
                .isEqualTo("GET https://tortuga-prod-na.s3.amazonaws.com/doc-1?<redacted> returned 403");
        assertThat(json.get("lineNumber").isNull()).isTrue();
        assertThat(json.get("sink").asText()).isEqualTo("jdbc");
        assertThat(file.getFileName().toString()).contains("_50001018_report_");
    }

    @Test
    void keepsEverySinkFailureOfTheSameLine() throws Exception {
        DeadLetterWriter writer = new DeadLetterWriter(out, CLOCK);
        DeadLetter fromFile = DeadLetter.of(REPORT, 7L, new IllegalStateException("disk full"), "file", "x", FAILED_AT);
        DeadLetter fromJdbc = DeadLetter.of(REPORT, 7L, new IllegalStateException("deadlock"), "jdbc", "x", FAILED_AT);
        writer.write(fromFile);
        writer.write(fromJdbc);
        writer.write(DeadLetter.of(
                new ReportContext("other", "1", "T", null, null), 1L, new RuntimeException(), "file", "y", FAILED_AT));

        assertThat(files(out.resolve("dead-letter/settlements"))).hasSize(2).noneMatch(name -> name.endsWith(".part"));
        assertThat(files(out.resolve("dead-letter/other"))).hasSize(1);
    }

    @Test
    void aMessagelessExceptionIsNamedByItsClass() {
        DeadLetter letter = DeadLetter.of(REPORT, 1L, new NullPointerException(), null, "x", FAILED_AT);

        assertThat(letter.reason()).isEqualTo("NullPointerException");
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void idsThatFlattenAlikeOrAreTooLongForAFileNameGetFilesOfTheirOwn() throws Exception {
        DeadLetterWriter writer = new DeadLetterWriter(out, CLOCK);
        String longId = "A".repeat(6_001);
        List<Path> files = List.of(
                writer.write(new DeadLetter(
                        "settlements", "default", "abc\0def", "T", 9L, "bad", null, FAILED_AT, null, "raw")),
                writer.write(new DeadLetter(
                        "settlements", "default", "abc/def", "T", 9L, "bad", null, FAILED_AT, null, "raw")),
                writer.write(new DeadLetter(
                        "settlements", "default", "abc_def", "T", 9L, "bad", null, FAILED_AT, null, "raw")),
                writer.write(new DeadLetter(
                        "settlements", "default", longId, "T", 9L, "bad", null, FAILED_AT, null, "raw")));

        assertThat(files)
                .doesNotHaveDuplicates()
                .allSatisfy(file -> assertThat(file).exists().hasParent(out.resolve("dead-letter/settlements")));
        assertThat(files.get(2).getFileName().toString()).endsWith("_abc_def_L0000000009_000003.json");
        assertThat(files.get(0).getFileName().toString()).matches(".*Z_abc_def~[0-9a-f]{12}_L0000000009_000001\\.json");
        assertThat(files.get(3).getFileName().toString()).hasSizeLessThan(200); // file systems allow 255 bytes
        assertThat(new ObjectMapper()
                        .readTree(files.get(3).toFile())
                        .get("reportId")
                        .asText())
                .isEqualTo(longId);
    }
}
