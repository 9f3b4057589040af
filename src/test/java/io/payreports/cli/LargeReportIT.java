package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReadOptions;
import io.payreports.reports.ReportModels;
import io.payreports.reports.ReportReader;
import io.payreports.reports.SettlementRecord;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SettlementReportGenerator;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.sinks.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large settlement reports through the packaged jar, served by the simulator from generated files:
 * a million rows in a 256 MB heap, and a run killed (SIGKILL) in the middle of its deliveries whose
 * restart leaves every row in PostgreSQL exactly once.
 */
class LargeReportIT {

    private static final String KEY_ID = "LIVE-LARGE";
    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final Instant NOW = RuntimeClock.get().instant();
    private static final Pattern SUMMARY =
            Pattern.compile("job amazonpay-settlement ok: .*?records=(\\d+).*?duration=(\\d+) ms");

    @TempDir
    Path workDir;

    @Test
    void aMillionRowReportParsesAndDeliversInA256MegabyteHeap() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("simulator-data"));
        Settlement large = settlement(0, 1_000_000);
        writeReport(data, large);

        try (AmazonPaySimulator simulator = simulator(data)) {
            PayreportsJar.Result run = PayreportsJar.run(
                    workDir,
                    List.of("-Xmx256m"),
                    "run",
                    "--once",
                    "--config",
                    config(simulator, "jdbc:h2:file:" + workDir.resolve("data/payreports"))
                            .toString());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).doesNotContain("OutOfMemoryError");
            Matcher summary = SUMMARY.matcher(run.output());
            assertThat(summary.find()).as(run.output()).isTrue();
            long records = Long.parseLong(summary.group(1));
            long millis = Long.parseLong(summary.group(2));
            System.out.printf(
                    "1M-row settlement report -> files + H2 with -Xmx256m: %d records in %d ms = %d records/s%n",
                    records, millis, records * 1000 / Math.max(millis, 1));
            assertThat(records).isEqualTo(1_000_000);
            try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/payreports"))) {
                assertThat(count(h2)).isEqualTo(1_000_000);
                assertThat(netSum(h2))
                        .as("the generator balances each settlement with its transfer")
                        .isZero();
            }
            assertThat(jsonLines(workDir.resolve("out/amazonpay_settlement"))).isEqualTo(1_000_000);
        }
    }

    @Test
    void aRunKilledMidDeliveryRestartsAndLeavesEveryRowInPostgresExactlyOnce() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("simulator-data"));
        List<Settlement> settlements = List.of(settlement(0, 150_000), settlement(1, 150_000), settlement(2, 150_000));
        for (int i = 0; i < settlements.size(); i++) {
            // distinct creation times keep the reports in one order across both runs
            Files.setLastModifiedTime(
                    writeReport(data, settlements.get(i)), FileTime.from(NOW.minusSeconds(3600L * (3 - i))));
        }
        Map<String, BigDecimal> expected = transactionSums(data);

        try (AmazonPaySimulator simulator = simulator(data);
                TestDatabases.PostgresSchema postgres = new TestDatabases.PostgresSchema()) {
            Path config = config(
                    simulator, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + postgres.name());

            Process first = PayreportsJar.start(
                    workDir,
                    List.of(),
                    java.nio.file.Files.createDirectories(Path.of("target", "test-logs"))
                            .resolve("large-report-killed-run.log"),
                    "run",
                    "--once",
                    "--config",
                    config.toString());
            long rowsAtKill = waitForFirstCommit(postgres, first);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no cleanup
            System.out.printf("killed the first run with %d of 450000 rows in PostgreSQL%n", rowsAtKill);
            assertThat(rowsAtKill).isLessThan(450_000);

            PayreportsJar.Result second =
                    PayreportsJar.run(workDir, List.of(), "run", "--once", "--config", config.toString());
            assertThat(second.exitCode()).as(second.output()).isZero();

            try (Connection connection = postgres(postgres)) {
                assertThat(count(connection)).isEqualTo(450_000);
                assertThat(transactionSums(connection)).isEqualTo(expected);
            }
            try (Stream<Path> files = Files.walk(workDir.resolve("out"))) {
                assertThat(files.map(Path::toString))
                        .as("no half-written file left visible")
                        .noneMatch(name -> name.endsWith(".part"));
            }
            assertThat(jsonLines(workDir.resolve("out/amazonpay_settlement"))).isEqualTo(450_000);
        }
    }

    /** Waits until the first report is committed in PostgreSQL (the sink writes one transaction per report). */
    private static long waitForFirstCommit(TestDatabases.PostgresSchema postgres, Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(run.isAlive()).as("the first run is still delivering").isTrue();
            try (Connection connection = postgres(postgres)) {
                long rows = count(connection);
                if (rows > 0) {
                    return rows;
                }
            } catch (SQLException tableNotThereYet) {
                // the sink creates its table when the first report opens
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no report reached PostgreSQL within 3 minutes");
    }

    private static Settlement settlement(int index, int rows) {
        return SettlementReportGenerator.plan(11, NOW, 90).get(index).resized("ALARGE" + index + "0000000000000", rows);
    }

    private static Path writeReport(Path data, Settlement settlement) throws IOException {
        Path file = data.resolve(settlement.reportId() + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SettlementReportGenerator.write(settlement, out);
        }
        return file;
    }

    private static AmazonPaySimulator simulator(Path data) throws IOException {
        return AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withDataDir(data, false));
    }

    private Path config(AmazonPaySimulator simulator, String recordsJdbcUrl) throws IOException {
        Path key = workDir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path config = workDir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "payreports.amazonpay.endpoint = " + simulator.baseUrl(),
                        "payreports.amazonpay.public-key-id = " + KEY_ID,
                        "payreports.amazonpay.private-key-file = " + key,
                        "payreports.sinks.jdbc.url = " + recordsJdbcUrl,
                        ""));
        return config;
    }

    /** Per currency, the sum of TransactionAmount over every row of the generated files. */
    private static Map<String, BigDecimal> transactionSums(Path data) throws IOException {
        Map<String, BigDecimal> sums = new TreeMap<>();
        DefaultCamelContext camel = new DefaultCamelContext();
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.toList()) {
                try (InputStream in = Files.newInputStream(file);
                        ReportReader<SettlementRecord> reader = new ReportReader<>(
                                ReportModels.settlement(), in, "X", 0, ReadOptions.DEFAULTS, camel)) {
                    reader.forEachRemaining(row -> {
                        SettlementRecord record = ((ParsedRow.Bound<SettlementRecord>) row).record();
                        sums.merge(record.getCurrencyCode(), record.getTransactionAmount(), BigDecimal::add);
                    });
                }
            }
        } finally {
            camel.stop();
        }
        return normalized(sums);
    }

    private static Map<String, BigDecimal> transactionSums(Connection connection) throws SQLException {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT currency_code, SUM(transaction_amount) FROM amazonpay_settlement GROUP BY currency_code")) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getBigDecimal(2));
            }
        }
        return normalized(sums);
    }

    private static Map<String, BigDecimal> normalized(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> normalized = new TreeMap<>();
        sums.forEach((currency, sum) -> normalized.put(currency, sum.stripTrailingZeros()));
        return normalized;
    }

    private static Connection postgres(TestDatabases.PostgresSchema schema) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + schema.name());
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM amazonpay_settlement")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static BigDecimal netSum(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT SUM(net_transaction_amount) FROM amazonpay_settlement")) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }

    private static long jsonLines(Path dir) throws IOException {
        long count = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    count += lines.count();
                }
            }
        }
        return count;
    }
}
