package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payreports.cli.PayreportsCommand;
import io.payreports.jobs.JobRun;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.sinks.TestDatabases.PostgresSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL character (U+0000), which PostgreSQL refuses in text, in one row of a report: the row is
 * rejected for every sink and dead-lettered with its line, the report's other rows reach PostgreSQL
 * and the files alike, and records parked before this was so replay instead of failing forever.
 */
class UnstorableTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEAD_LETTERS = "out/dead-letter/amazonpay-settlement";

    @TempDir
    Path dir;

    @Test
    void aRowWithANulCharacterIsRejectedForEverySinkAndTheOtherRowsReachPostgres() throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        Path report = dir.resolve("simulator-data/" + SinkDeliveryHarness.REPORT_ID + ".csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(report));
        lines.set(10, lines.get(10).replace("Shop, \"\"Main\"\"", "Sh\0p"));
        Files.writeString(report, String.join("\r\n", lines) + "\r\n");

        try (PostgresSchema postgres = new PostgresSchema();
                AmazonPaySimulator simulator = harness.simulator()) {
            JobRun run = harness.runOnce(simulator, "file,postgres", postgresSink(postgres));

            assertThat(run.succeeded()).as(run.summaryLine()).isFalse();
            assertThat(run.everyRecordSettled()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered()).isEqualTo(1);
            assertThat(run.deliveredBySink())
                    .containsEntry("postgres", (long) SinkDeliveryHarness.RECORDS - 1)
                    .containsEntry("file", (long) SinkDeliveryHarness.RECORDS - 1);
            assertThat(rows(postgres)).isEqualTo(SinkDeliveryHarness.RECORDS - 1);

            Path letters = singleFile(dir.resolve(DEAD_LETTERS));
            assertThat(letters.getFileName().toString())
                    .startsWith(SinkDeliveryHarness.REPORT_ID + "_rejected_NUL_character_in_StoreName~");
            JsonNode letter = JSON.readTree(Files.readString(letters));
            assertThat(letter.get("lineNumber").asLong()).isEqualTo(11);
            assertThat(letter.get("reason").asText())
                    .isEqualTo("NUL character in StoreName: U+0000 cannot be stored in PostgreSQL text, "
                            + "so the row is rejected for every sink");
            assertThat(letter.get("payload").asText()).contains("\"Sh\0p\"");
            assertThat(run.summaryLine()).contains("rows rejected=1 in [" + letters + "]");
        }
    }

    @Test
    void parkedRecordsWithANulCharacterAreReplayedButThatOneInsteadOfFailingForever() throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        try (PostgresSchema postgres = new PostgresSchema();
                AmazonPaySimulator simulator = harness.simulator()) {
            assertThat(harness.runOnce(simulator, "file,postgres", postgresSink(postgres))
                            .succeeded())
                    .isTrue();
            execute(postgres, "DELETE FROM amazonpay_settlement");
            // what a run before NUL characters were rejected parked: every record of the report, one with U+0000
            Path parked = dir.resolve(
                    DEAD_LETTERS + "/20261101T000000.000000000Z_" + SinkDeliveryHarness.REPORT_ID + "_postgres.jsonl");
            Files.createDirectories(parked.getParent());
            List<String> letters = new ArrayList<>();
            List<String> records = Files.readAllLines(
                    dir.resolve("out/amazonpay_settlement/" + SinkDeliveryHarness.REPORT_ID + ".jsonl"));
            for (int i = 0; i < records.size(); i++) {
                ObjectNode record = (ObjectNode) JSON.readTree(records.get(i));
                if (i == 7) {
                    record.put("storeName", "Sh\0p");
                }
                ObjectNode letter = JSON.createObjectNode()
                        .put("jobId", "amazonpay-settlement")
                        .put("reportId", SinkDeliveryHarness.REPORT_ID)
                        .put("reportType", SinkDeliveryHarness.REPORT_TYPE)
                        .put("lineNumber", record.get("lineNumber").asLong())
                        .put("reason", "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00")
                        .put("exceptionClass", "org.postgresql.util.PSQLException")
                        .put("failedAt", "2026-11-01T00:00:00Z")
                        .put("sink", "postgres");
                letter.set("record", record);
                letters.add(JSON.writeValueAsString(letter));
            }
            Files.write(parked, letters);

            int exitCode = PayreportsCommand.execute(
                    "replay", "--config", dir.resolve("application.properties").toString(), parked.toString());

            assertThat(exitCode).as("one record still needs the operator").isEqualTo(1);
            assertThat(rows(postgres)).isEqualTo(SinkDeliveryHarness.RECORDS - 1);
            assertThat(parked.resolveSibling(parked.getFileName() + ".replayed"))
                    .as("replayed, not left to fail on every replay")
                    .exists();
            try (Stream<Path> files = Files.list(parked.getParent())) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .filteredOn(name -> name.contains("_rejected_NUL_character_in_storeName~"))
                        .singleElement()
                        .satisfies(name -> assertThat(Files.readString(parked.resolveSibling(name)))
                                .contains("Sh\\u0000p"));
            }
        }
    }

    private static String[] postgresSink(PostgresSchema postgres) {
        return new String[] {
            "payreports.sinks.postgres.type = jdbc",
            "payreports.sinks.postgres.url = jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
            "payreports.sinks.postgres.schema = " + postgres.name(),
            "payreports.sinks.postgres.retry.maximum-redeliveries = 1"
        };
    }

    private static long rows(PostgresSchema postgres) throws Exception {
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM amazonpay_settlement")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void execute(PostgresSchema postgres, String sql) throws Exception {
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Path singleFile(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
