package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.payreports.amazonpay.PemKeys;
import io.payreports.config.JobFile;
import io.payreports.config.RuntimeClock;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.Faults;
import io.payreports.simulator.SettlementReportGenerator;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.sinks.TestDatabases;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three merchant accounts, three jobs each, on a two-node Quartz cluster sharing one PostgreSQL state database:
 * each fire runs on one node, each account's records arrive once, and when the node delivering a report is killed
 * (kill -9) the other one finishes the schedule with every account's watermarks where they belong.
 */
class ClusterAccountsIT {

    private static final int EVERY_SECONDS = 2;
    private static final int DAYS = 30;
    /** Every Amazon Pay call of the cluster waits this long: runs last long enough to be killed mid-way. */
    private static final long SLOW_MILLIS = 300;
    /** Runs of each job watched for duplicates: enough that one run per node would exceed the fires. */
    private static final int STEADY_RUNS = 8;

    private static final Pattern RUN = Pattern.compile("JobRuns - job (?:\\S+/)?(\\S+) (?:ok|FAILED)");
    /** One seed for all accounts: their report, settlement and payout ids collide, only the account tells them apart. */
    private static final long SEED = 7;
    /** The report dropped into every account's simulator while the cluster runs. */
    private static final String LATE_REPORT = "ALATE0000000000000001";

    private static final Pattern LATE_DOWNLOAD = Pattern.compile("job (\\S+): downloading report " + LATE_REPORT);

    @TempDir
    Path dir;

    /** One merchant account: its name in the configuration, its simulator, its own key pair and data. */
    private record Account(
            String name, String region, String keyId, KeyPair keys, Path dataDir, AmazonPaySimulator amazon) {

        boolean isDefault() {
            return name.equals("default");
        }

        String job(String kind) {
            return (isDefault() ? "na" : name) + "-" + kind;
        }

        /** The key the job's state is kept under: JobRun.stateKey(). */
        String stateKey(String kind) {
            return isDefault() ? job(kind) : name + "/" + job(kind);
        }
    }

    @Test
    void eachFireRunsOnceEachAccountIsDeliveredOnceAndASurvivorKeepsTheWatermarks() throws Exception {
        Instant testStart = RuntimeClock.get().instant();
        List<Account> accounts = new ArrayList<>();
        try (TestDatabases.PostgresSchema postgres = new TestDatabases.PostgresSchema()) {
            try {
                accounts.add(account("default", "na", "LIVE-NA"));
                accounts.add(account("eu", "eu", "LIVE-EU"));
                accounts.add(account("jp", "jp", "LIVE-JP"));
                runCluster(postgres, accounts, testStart);
            } finally {
                accounts.forEach(account -> account.amazon().close());
            }
        }
    }

    private void runCluster(TestDatabases.PostgresSchema postgres, List<Account> accounts, Instant testStart)
            throws Exception {
        Path config = config(postgres.name(), accounts);
        Path routes = routes(accounts);
        Path logs = Files.createDirectories(Path.of("target", "test-logs"));
        Map<String, Process> nodes = new TreeMap<>();
        long started = System.nanoTime();
        for (String node : List.of("a", "b")) {
            Files.deleteIfExists(log(logs, node));
            nodes.put(node, node(node, config, routes, log(logs, node)));
        }
        List<String> jobs = accounts.stream()
                .flatMap(account -> List.of("settlement", "disbursements", "refunds").stream()
                        .map(account::job))
                .toList();
        try {
            for (String node : nodes.keySet()) {
                await("node " + node + " scheduled its 9 jobs")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() ->
                                jobs.stream().allMatch(job -> read(logs, node).contains("job " + job + " scheduled"))
                                        || !nodes.values().stream().allMatch(Process::isAlive));
                assertThat(read(logs, node)).as("node " + node).doesNotContain("Failed to start");
            }

            // the first runs deliver every account's reports; then each run is shorter than the 2 s between fires, so
            // a job runs once a fire: twice as many runs would be one per node
            await("every account's reports delivered")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertDelivered(postgres.dataSource(), accounts, false));
            // a run that took long (the first deliveries) leaves the fires that came due meanwhile to run back to back:
            // Quartz runs fires up to its misfire threshold late. Counted from when every job runs at the cron's pace.
            await("every job runs at the pace of its schedule")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() ->
                            jobs.stream().allMatch(job -> lastGap(logs, job).compareTo(Duration.ofSeconds(1)) > 0));
            Map<String, Long> before = new HashMap<>();
            jobs.forEach(job -> before.put(job, runs(logs, "a", job) + runs(logs, "b", job)));
            long steady = System.nanoTime();
            await("every job ran " + STEADY_RUNS + " more times across the cluster")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> jobs.stream()
                            .allMatch(job ->
                                    runs(logs, "a", job) + runs(logs, "b", job) - before.get(job) >= STEADY_RUNS));
            long fires = Duration.ofNanos(System.nanoTime() - steady).toSeconds() / EVERY_SECONDS + 2;
            for (String job : jobs) {
                long a = runs(logs, "a", job);
                long b = runs(logs, "b", job);
                System.out.printf(
                        "job %s: %d runs in at most %d fires (a=%d, b=%d in all)%n",
                        job, a + b - before.get(job), fires, a, b);
                assertThat(a + b - before.get(job))
                        .as("runs of " + job + ": one per fire, not one per node")
                        .isLessThanOrEqualTo(fires);
            }
            assertThat(nodes.keySet())
                    .as("both nodes run jobs")
                    .allMatch(node -> jobs.stream().anyMatch(job -> runs(logs, node, job) > 0));
            Map<String, Instant> beforeKill = watermarks(postgres.dataSource());

            // a new settlement report for each account, the same id in all three; the first node to download one is
            // killed in the middle of it
            Instant lateCreated = RuntimeClock.get().instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            for (Account account : accounts) {
                dropLateReport(account, lateCreated);
            }
            String[] victim = new String[1];
            await("a node downloads a new report")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        for (String node : nodes.keySet()) {
                            if (LATE_DOWNLOAD.matcher(read(logs, node)).find()) {
                                victim[0] = node;
                                return true;
                            }
                        }
                        return false;
                    });
            nodes.get(victim[0]).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9
            String survivor = victim[0].equals("a") ? "b" : "a";
            String killedLog = read(logs, victim[0]);
            Matcher download = LATE_DOWNLOAD.matcher(killedLog);
            assertThat(download.find()).isTrue();
            String interruptedJob = download.group(1);
            assertThat(killedLog.substring(download.start()))
                    .as("node %s was killed while %s delivered report %s", victim[0], interruptedJob, LATE_REPORT)
                    .doesNotContainPattern("JobRuns - job (\\S+/)?" + interruptedJob + " ");
            Map<String, Long> survivorBefore = new HashMap<>();
            jobs.forEach(job -> survivorBefore.put(job, runs(logs, survivor, job)));

            await("the survivor delivers every account's new report and keeps every job's schedule")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(jobs).allMatch(job -> runs(logs, survivor, job) - survivorBefore.get(job) >= 2);
                        assertDelivered(postgres.dataSource(), accounts, true);
                    });
            Map<String, Instant> watermarks = watermarks(postgres.dataSource());
            Instant testNow = RuntimeClock.get().instant();
            for (Account account : accounts) {
                assertThat(watermarks.get(account.stateKey("settlement")))
                        .as("settlement watermark of account %s: its newest report's creation", account.name())
                        .isEqualTo(lateCreated);
                // the end of the window [now - 90 days, now) of the run that delivered the payouts; runs that find none
                // leave it
                assertThat(watermarks.get(account.stateKey("disbursements")))
                        .as("disbursements watermark of account %s", account.name())
                        .isEqualTo(beforeKill.get(account.stateKey("disbursements")))
                        .isBetween(testStart.truncatedTo(ChronoUnit.SECONDS), testNow);
                // no refund report is listed: a job that never delivered a report keeps no watermark, each run lists
                // from Amazon's retention (a stored "now - 90 days" would warn of a stale watermark on the next run)
                assertThat(watermarks)
                        .as("refunds watermark of account %s", account.name())
                        .doesNotContainKey(account.stateKey("refunds"));
            }
            assertThat(watermarks)
                    .as("nine jobs, six with reports, six watermarks")
                    .hasSize(6);
            System.out.printf(
                    "node %s killed while %s delivered %s; cluster test took %d s%n",
                    victim[0],
                    interruptedJob,
                    LATE_REPORT,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } finally {
            for (Process node : nodes.values()) {
                node.destroyForcibly();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Each account's settlement rows and payouts, each once: every generated settlement of its simulator (and the
     * reports dropped later), as many rows as its file has, and a payout per settlement.
     */
    private static void assertDelivered(DataSource records, List<Account> accounts, boolean withLateReport)
            throws SQLException, IOException {
        Map<String, Long> rowsByReport = counts(
                records,
                "SELECT account || '/' || report_id, COUNT(*) FROM amazonpay_settlement GROUP BY account, report_id");
        Map<String, Long> payouts = counts(
                records,
                "SELECT account || '/' || amazon_disbursement_reference_id, COUNT(*) FROM amazonpay_disbursement"
                        + " GROUP BY account, amazon_disbursement_reference_id");
        Map<String, Long> expectedRows = new TreeMap<>();
        Map<String, Long> expectedPayouts = new TreeMap<>();
        for (Account account : accounts) {
            for (Settlement settlement : plan()) {
                expectedRows.put(account.name() + "/" + settlement.reportId(), rows(settlement));
                expectedPayouts.put(account.name() + "/DISB-" + settlement.settlementId(), 1L);
            }
            if (withLateReport) {
                expectedRows.put(account.name() + "/" + LATE_REPORT, rows(newest()));
            }
        }
        assertThat(rowsByReport).as("settlement rows by account and report").isEqualTo(expectedRows);
        assertThat(payouts).as("payouts by account").isEqualTo(expectedPayouts);
    }

    private static Map<String, Long> counts(DataSource records, String sql) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = records.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }

    private static Map<String, Instant> watermarks(DataSource state) throws SQLException {
        Map<String, Instant> watermarks = new TreeMap<>();
        try (Connection connection = state.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT job_id, watermark FROM payreports_watermark")) {
            while (row.next()) {
                watermarks.put(
                        row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return watermarks;
    }

    private static List<Settlement> plan() {
        return SettlementReportGenerator.plan(SEED, RuntimeClock.get().instant(), DAYS);
    }

    private static Settlement newest() {
        List<Settlement> plan = plan();
        return plan.get(plan.size() - 1);
    }

    /** The data rows of a settlement's file: its CSV records but the header block's two and the column names. */
    private static long rows(Settlement settlement) throws IOException {
        StringWriter file = new StringWriter();
        SettlementReportGenerator.write(settlement, file);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(file.toString())) {
            return csv.stream().count() - 3;
        }
    }

    /** A new report in the account's simulator: the newest settlement again, created at {@code created}. */
    private void dropLateReport(Account account, Instant created) throws IOException {
        Path draft = dir.resolve(account.region() + "-" + LATE_REPORT + ".csv");
        try (var out = Files.newBufferedWriter(draft)) {
            SettlementReportGenerator.write(newest(), out);
        }
        Files.setLastModifiedTime(draft, FileTime.from(created));
        Files.move(draft, account.dataDir().resolve(LATE_REPORT + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private Account account(String name, String region, String keyId) throws IOException {
        KeyPair keys = PemKeys.generateRsaKeyPair();
        Path data = Files.createDirectories(dir.resolve("amazon-" + region));
        AmazonPaySimulator amazon = AmazonPaySimulator.start(new SimulatorOptions(
                0,
                id -> id.equals(keyId) ? Optional.of(keys.getPublic()) : Optional.empty(),
                SEED,
                DAYS,
                RuntimeClock.get(),
                Optional.of(data),
                true,
                Faults.parse("slow=" + SLOW_MILLIS, SEED)));
        return new Account(name, region, keyId, keys, data, amazon);
    }

    private Path config(String schema, List<Account> accounts) throws IOException {
        String postgres = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + schema;
        List<String> lines = new ArrayList<>(List.of(
                "payreports.cluster.enabled = true",
                "payreports.cluster.checkin-interval = 2000",
                "payreports.state.jdbc-url = " + postgres,
                "payreports.sinks.jdbc.url = " + postgres,
                "payreports.sinks.jdbc.schema = " + schema));
        for (Account account : accounts) {
            String prefix = account.isDefault()
                    ? "payreports.amazonpay."
                    : "payreports.accounts." + account.name() + ".amazonpay.";
            Path key = dir.resolve(account.region() + "-private.pem");
            PemKeys.writePrivateKey(account.keys().getPrivate(), key);
            lines.addAll(List.of(
                    prefix + "region = " + account.region(),
                    prefix + "endpoint = " + account.amazon().baseUrl(),
                    prefix + "public-key-id = " + account.keyId(),
                    prefix + "private-key-file = " + key));
            for (String kind : List.of("settlement", "disbursements", "refunds")) {
                lines.add("payreports.jobs." + account.job(kind) + ".cron = 0/" + EVERY_SECONDS + " * * * * ?");
            }
        }
        lines.add("");
        return Files.writeString(dir.resolve("application.properties"), String.join("\n", lines));
    }

    private Path routes(List<Account> accounts) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (Account account : accounts) {
            job(account, "settlement", "amazonpay-reports")
                    .with("reportType", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_")
                    .writeTo(routes);
            job(account, "disbursements", "amazonpay-disbursements").writeTo(routes);
            job(account, "refunds", "amazonpay-reports")
                    .with("reportType", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_")
                    .writeTo(routes);
        }
        return routes;
    }

    private static JobFile job(Account account, String kind, String template) {
        return JobFile.of(template, account.job(kind), account.name(), "jdbc");
    }

    private Process node(String name, Path config, Path routes, Path log) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve("node-" + name));
        return PayreportsJar.start(
                workDir, List.of("-Xmx256m"), log, "run", "--config", config.toString(), "--routes", routes.toString());
    }

    private static Path log(Path logs, String node) {
        return logs.resolve("cluster-accounts-node-" + node + ".log");
    }

    private static String read(Path logs, String node) {
        try {
            return Files.readString(log(logs, node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs of the job this node finished, by its summary lines. */
    private static long runs(Path logs, String node, String job) {
        return ends(logs, node, job).size();
    }

    /** When the job's runs on this node ended: the summary lines' times (both nodes log the machine's clock). */
    private static List<Instant> ends(Path logs, String node, String job) {
        try (var lines = Files.lines(log(logs, node))) {
            return lines.filter(line -> {
                        Matcher run = RUN.matcher(line);
                        return run.find() && run.group(1).equals(job);
                    })
                    .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Between the job's last two runs on either node; zero before it ran twice. */
    private static Duration lastGap(Path logs, String job) {
        List<Instant> ends = new ArrayList<>(ends(logs, "a", job));
        ends.addAll(ends(logs, "b", job));
        ends.sort(null);
        return ends.size() < 2 ? Duration.ZERO : Duration.between(ends.get(ends.size() - 2), ends.get(ends.size() - 1));
    }
}
