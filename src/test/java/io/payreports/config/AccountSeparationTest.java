package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportContext;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.sinks.TestDatabases.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two merchant accounts whose report ids collide (both jobs read the same report id): each account's records are
 * stored once, apart, in one H2 table, one PostgreSQL table (straight COPY) and the files; a second run delivers
 * nothing; each job's state (watermark, run history) and summary name its account.
 */
class AccountSeparationTest {

    private static final String DEFAULT_JOB = "settlement-na";
    private static final String EU_JOB = "settlement-eu";

    @TempDir
    Path dir;

    @Test
    void twoAccountsWhoseReportIdsCollideAreEachDeliveredOnceAndKeptApart() throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        Map<String, String> jobs = new LinkedHashMap<>();
        jobs.put(DEFAULT_JOB, ReportContext.DEFAULT_ACCOUNT);
        jobs.put(EU_JOB, "eu");
        try (PostgresSchema postgres = new PostgresSchema();
                AmazonPaySimulator simulator = harness.simulator()) {
            String[] postgresSink = {
                "payreports.sinks.postgres.type = jdbc",
                "payreports.sinks.postgres.url = jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                "payreports.sinks.postgres.schema = " + postgres.name()
            };

            List<JobRun> first = harness.runOnce(simulator, jobs, "file,jdbc,postgres", postgresSink);

            assertThat(first).hasSize(2).allSatisfy(run -> {
                assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
                assertThat(run.reportsDelivered()).as(run.summaryLine()).isEqualTo(1);
                assertThat(run.records()).isEqualTo(SinkDeliveryHarness.RECORDS);
            });
            assertThat(first)
                    .extracting(JobRun::summaryLine)
                    .anySatisfy(line -> assertThat(line).startsWith("job " + DEFAULT_JOB + " ok:"))
                    .anySatisfy(line -> assertThat(line).startsWith("job eu/" + EU_JOB + " ok:"));
            Map<String, Long> perAccount =
                    Map.of("default", (long) SinkDeliveryHarness.RECORDS, "eu", (long) SinkDeliveryHarness.RECORDS);
            assertThat(rowsByAccount(h2(), "amazonpay_settlement")).isEqualTo(perAccount);
            assertThat(rowsByAccount(postgres.dataSource(), "amazonpay_settlement"))
                    .isEqualTo(perAccount);
            // the default account's files where they always were, another account's under its name
            Path defaultFile = dir.resolve("out/amazonpay_settlement/" + SinkDeliveryHarness.REPORT_ID + ".jsonl");
            Path euFile = dir.resolve("out/eu/amazonpay_settlement/" + SinkDeliveryHarness.REPORT_ID + ".jsonl");
            assertThat(Files.readAllLines(defaultFile))
                    .hasSize(SinkDeliveryHarness.RECORDS)
                    .allSatisfy(line -> assertThat(line).endsWith(",\"account\":\"default\"}"));
            assertThat(Files.readAllLines(euFile))
                    .hasSize(SinkDeliveryHarness.RECORDS)
                    .allSatisfy(line -> assertThat(line).endsWith(",\"account\":\"eu\"}"));
            assertThat(Files.readAllLines(dir.resolve(
                                    "out/eu/amazonpay_settlement/" + SinkDeliveryHarness.REPORT_ID + ".csv"))
                            .get(0))
                    .endsWith(",account");

            List<JobRun> second = harness.runOnce(simulator, jobs, "file,jdbc,postgres", postgresSink);

            assertThat(second).hasSize(2).allSatisfy(run -> {
                assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
                assertThat(run.reportsDelivered()).as(run.summaryLine()).isZero();
            });
            assertThat(rowsByAccount(h2(), "amazonpay_settlement")).isEqualTo(perAccount);
            assertThat(rowsByAccount(postgres.dataSource(), "amazonpay_settlement"))
                    .isEqualTo(perAccount);
        }
        try (Connection state = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/state"));
                Statement statement = state.createStatement()) {
            assertThat(column(statement, "SELECT job_id FROM payreports_watermark ORDER BY job_id"))
                    .containsExactlyInAnyOrder(DEFAULT_JOB, "eu/" + EU_JOB);
            assertThat(column(statement, "SELECT DISTINCT job_id || ' ' || account FROM payreports_job_run ORDER BY 1"))
                    .containsExactlyInAnyOrder(EU_JOB + " eu", DEFAULT_JOB + " default");
        }
    }

    private DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("data/state"));
        return h2;
    }

    private static Map<String, Long> rowsByAccount(DataSource database, String table) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet counts =
                        statement.executeQuery("SELECT account, count(*) FROM " + table + " GROUP BY account")) {
            while (counts.next()) {
                rows.put(counts.getString(1), counts.getLong(2));
            }
        }
        return rows;
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
