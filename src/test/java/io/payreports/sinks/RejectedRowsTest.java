package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedRowsTest {

    private static final ReportContext REPORT = new ReportContext(
            "settlements", "50001018", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_", null, null);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void twentyThousandBadRowsAreOneCappedFilePerReasonWithTheRestCounted() throws Exception {
        List<Path> files;
        try (RejectedRows rows = new DeadLetterWriter(out, CLOCK, 100).rejectedRows(REPORT)) {
            for (long line = 5; line < 20_005; line++) {
                rows.add(new ParsedRow.Failed<>(
                        line, "TransactionAmount: not a number: '12,34," + line + "'", "\"raw " + line + "\""));
            }
            rows.add(new ParsedRow.Failed<>(30_000, "NUL character in StoreName: U+0000 ...", "\"Sh\0p\""));
            assertThat(rows.count()).isEqualTo(20_001);
            files = rows.finish();
        }

        assertThat(names(out.resolve("dead-letter/settlements")))
                .containsExactly(
                        "50001018_rejected_NUL_character_in_StoreName~" + hashOf(files.get(1)) + ".jsonl",
                        "50001018_rejected_TransactionAmount.jsonl");
        List<String> amounts = Files.readAllLines(files.get(0));
        assertThat(amounts).hasSize(101);
        JsonNode first = JSON.readTree(amounts.get(0));
        assertThat(first.get("reportId").asText()).isEqualTo("50001018");
        assertThat(first.get("lineNumber").asLong()).isEqualTo(5);
        assertThat(first.get("reason").asText()).isEqualTo("TransactionAmount: not a number: '12,34,5'");
        assertThat(first.get("payload").asText()).isEqualTo("\"raw 5\"");
        JsonNode notShown = JSON.readTree(amounts.get(100));
        assertThat(notShown.get("notShown").asLong()).isEqualTo(19_900);
        assertThat(notShown.get("firstNotShownLine").asLong()).isEqualTo(105);
        assertThat(notShown.get("reason").asText())
                .isEqualTo("19900 more rows rejected for TransactionAmount not shown, from line 105 on: "
                        + "payreports.dead-letter.max-rows-per-file is 100");
        assertThat(JSON.readTree(Files.readString(files.get(1))).get("payload").asText())
                .isEqualTo("\"Sh\0p\"");
    }

    @Test
    void aReportReadAgainRewritesItsFilesAndOneThatFailedWhileReadLeavesNone() throws Exception {
        DeadLetterWriter writer = new DeadLetterWriter(out, CLOCK);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (RejectedRows rows = writer.rejectedRows(REPORT)) {
                rows.add(new ParsedRow.Failed<>(9, "TransactionAmount: not a number: 'x'", "raw"));
                rows.finish();
            }
        }
        try (RejectedRows failedWhileRead =
                writer.rejectedRows(new ReportContext("settlements", "2", "T", null, null))) {
            failedWhileRead.add(new ParsedRow.Failed<>(9, "expected 15 fields, found 3", "raw"));
        }

        assertThat(names(out.resolve("dead-letter/settlements")))
                .containsExactly("50001018_rejected_TransactionAmount.jsonl");
        assertThat(Files.readAllLines(out.resolve("dead-letter/settlements/50001018_rejected_TransactionAmount.jsonl")))
                .hasSize(1);
    }

    @Test
    void noInputMakesMoreThanTwentyFilesPerReport() throws Exception {
        try (RejectedRows rows = new DeadLetterWriter(out, CLOCK).rejectedRows(REPORT)) {
            for (int i = 0; i < 500; i++) {
                rows.add(new ParsedRow.Failed<>(i + 5, "column" + i + ": bad", "raw"));
            }
            rows.finish();
        }

        List<String> names = names(out.resolve("dead-letter/settlements"));
        assertThat(names).hasSize(RejectedRows.MAX_REASONS).contains("50001018_rejected_other-reasons.jsonl");
        assertThat(Files.readAllLines(out.resolve("dead-letter/settlements/50001018_rejected_other-reasons.jsonl")))
                .hasSize(500 - (RejectedRows.MAX_REASONS - 1));
    }

    private static String hashOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.indexOf('~') + 1, name.indexOf(".jsonl"));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
