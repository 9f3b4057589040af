package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.JobRun;
import io.payreports.simulator.Faults;
import io.payreports.simulator.MutableClock;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiOperation;
import io.payreports.spapi.TransactionWindows;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SP-API jobs as an operator runs them: credentials and endpoints in the properties file, the
 * job files of docs/jobs/ in routes/, the SP-API simulator on a random port, and what arrives in the
 * files and the database.
 */
class SpApiJobsTest {

    private static final LwaCredentials CREDENTIALS = new LwaCredentials(
            "amzn1.application-oa2-client.e2e",
            "amzn1.oa2-cs.v1.e2eClientSecretValue",
            "Atzr|IwEBIe2eRefreshTokenValue");

    @TempDir
    Path dir;

    @Test
    void fourHundredDaysArriveInWindowsWithinTheRateLimitEachTransactionOnceAndASecondRunDeliversNothing()
            throws Exception {
        // a day more history than the job asks for, so the count below does not depend on when the simulator started
        SpApiSimulatorOptions options = SpApiSimulatorOptions.of(0, RuntimeClock.get())
                .withCredentials(CREDENTIALS)
                .withDays(401);
        try (SpApiSimulator simulator = SpApiSimulator.start(options);
                PayreportsApplication application = PayreportsApplication.create(
                        config(simulator, CREDENTIALS, 400), Optional.of(routes("spapi-transactions.yaml")))) {
            application.start();
            Instant started = Instant.now();
            application.triggerAllJobs();
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(120)))
                    .isTrue();
            JobRun first = application.jobRuns().finished().get(0);
            Duration firstDuration = Duration.between(started, Instant.now());
            long firstRequests = simulator.calls(SpApiOperation.listTransactions);

            assertThat(first.succeeded()).as(first.summaryLine()).isTrue();
            assertThat(first.reportsListed()).as("windows of at most 180 days").isEqualTo(3);
            assertThat(firstRequests).as("windowed, paged requests").isGreaterThanOrEqualTo(3);
            assertThat(simulator.throttled()).as("429 answers").isZero();
            assertThat(simulator.tokenExchanges())
                    .as("one LWA exchange, then the cached token")
                    .isEqualTo(1);

            Instant end = watermark();
            // the run planned its windows from one "now": the first starts 400 days before it, the last ends 2.5 min
            // before it
            long expected = simulator.transactionsBetween(
                    end.plus(TransactionWindows.LATEST_BEFORE_NOW).minus(Duration.ofDays(400)), end);
            List<String> ids = jsonLines("spapi_transaction").stream()
                    .map(SpApiJobsTest::transactionIdOf)
                    .toList();
            assertThat(ids)
                    .as("every transaction exactly once in the files")
                    .hasSize((int) expected)
                    .doesNotHaveDuplicates();
            assertThat(count("SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\"")).isEqualTo(expected);
            assertThat(count("SELECT COUNT(DISTINCT \"TRANSACTION_ID\") FROM \"SPAPI_TRANSACTION_BREAKDOWN\""))
                    .isEqualTo(expected);
            assertThat(leafSumsMatchTotals())
                    .as("leaf breakdown lines sum to each transaction's total")
                    .isTrue();
            System.out.printf(
                    "SP-API finances: %d transactions over 400 days, %d windows, %d listTransactions requests, %d throttled, first run %d ms%n",
                    expected, first.reportsListed(), firstRequests, simulator.throttled(), firstDuration.toMillis());

            application.triggerAllJobs();
            assertThat(application.jobRuns().awaitFinished(2, Duration.ofSeconds(60)))
                    .isTrue();
            JobRun second = application.jobRuns().finished().get(1);
            assertThat(second.succeeded()).as(second.summaryLine()).isTrue();
            assertThat(second.records())
                    .as("the lookback re-reads, nothing is new")
                    .isZero();
            assertThat(simulator.calls(SpApiOperation.listTransactions)).isGreaterThan(firstRequests);
            assertThat(simulator.throttled()).isZero();
            assertThat(count("SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\"")).isEqualTo(expected);
        }
    }

    @Test
    void transactionsAmazonPostsLateAreDeliveredByTheNextRunsLookback() throws Exception {
        MutableClock amazonNow = new MutableClock(RuntimeClock.get().instant());
        SpApiSimulator simulator = simulatorWithLatePostingsNow(amazonNow);
        try (simulator;
                PayreportsApplication application = PayreportsApplication.create(
                        config(simulator, CREDENTIALS, 5), Optional.of(routes("spapi-transactions.yaml")))) {
            application.start();
            application.triggerAllJobs();
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                    .isTrue();
            JobRun first = application.jobRuns().finished().get(0);
            Instant watermark = watermark();
            Instant start = watermark.plus(TransactionWindows.LATEST_BEFORE_NOW).minus(Duration.ofDays(5));
            long posted = simulator.transactionsBetween(start, watermark);
            assertThat(first.succeeded()).as(first.summaryLine()).isTrue();
            assertThat(count("SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\""))
                    .as("the late ones are not there yet")
                    .isLessThan(posted);

            // a day and 23 hours later at Amazon, every one of them is visible
            amazonNow.advance(Duration.ofHours(47).plusMinutes(2));
            application.triggerAllJobs();
            assertThat(application.jobRuns().awaitFinished(2, Duration.ofSeconds(60)))
                    .isTrue();
            JobRun second = application.jobRuns().finished().get(1);

            assertThat(second.succeeded()).as(second.summaryLine()).isTrue();
            assertThat(count(
                            "SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\" WHERE \"POSTED_DATE\" < TIMESTAMP WITH TIME ZONE '"
                                    + watermark + "'"))
                    .as("posted before the first run's watermark, delivered by the second")
                    .isEqualTo(posted);
            assertThat(new HashSet<>(jsonLines("spapi_transaction").stream()
                            .map(SpApiJobsTest::transactionIdOf)
                            .toList()))
                    .hasSize(jsonLines("spapi_transaction").size());
        }
    }

    /** A simulator whose data has at least two transactions of the last 47 hours still hidden now (the seed decides which). */
    private static SpApiSimulator simulatorWithLatePostingsNow(MutableClock amazonNow) throws IOException {
        for (long seed = 1; ; seed++) {
            SpApiSimulator simulator = SpApiSimulator.start(SpApiSimulatorOptions.of(0, amazonNow)
                    .withCredentials(CREDENTIALS)
                    .withDays(6)
                    .withLatePostings(0.5)
                    .withSeed(seed));
            Instant end = amazonNow
                    .instant()
                    .minus(TransactionWindows.LATEST_BEFORE_NOW)
                    .minusSeconds(60);
            if (simulator.notYetVisibleBetween(end.minus(Duration.ofHours(47)), end) >= 2) {
                return simulator;
            }
            simulator.close();
        }
    }

    @Test
    void anExpiredPageTokenRestartsTheWindowAndNoTransactionIsLostOrDuplicated() throws Exception {
        SpApiSimulatorOptions options = SpApiSimulatorOptions.of(0, RuntimeClock.get())
                .withCredentials(CREDENTIALS)
                .withRejectedNextTokens(1)
                .withDays(61);
        try (SpApiSimulator simulator = SpApiSimulator.start(options)) {
            JobRun run = runOnce(config(simulator, CREDENTIALS, 60), "spapi-transactions.yaml");

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            Instant end = watermark();
            long expected = simulator.transactionsBetween(
                    end.plus(TransactionWindows.LATEST_BEFORE_NOW).minus(Duration.ofDays(60)), end);
            assertThat(expected).isGreaterThan(100);
            long pages = (expected + 99) / 100;
            assertThat(simulator.calls(SpApiOperation.listTransactions))
                    .as("the rejected page and the window's first page again")
                    .isEqualTo(pages + 2);
            assertThat(count("SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\"")).isEqualTo(expected);
            assertThat(new HashSet<>(jsonLines("spapi_transaction").stream()
                            .map(SpApiJobsTest::transactionIdOf)
                            .toList()))
                    .hasSize((int) expected);
        }
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAndEveryTransactionStillArrivesOnce() throws Exception {
        SpApiSimulatorOptions flaky = SpApiSimulatorOptions.of(0, RuntimeClock.get())
                .withCredentials(CREDENTIALS)
                .withDays(61)
                .withFaults(Faults.parse("429=0.2,500=0.3,503=0.1", 5));
        try (SpApiSimulator simulator = SpApiSimulator.start(flaky)) {
            Path config = config(simulator, CREDENTIALS, 60);
            Files.writeString(
                    config, "payreports.retry.maximum-redeliveries = 8\n", java.nio.file.StandardOpenOption.APPEND);
            JobRun run = runOnce(config, "spapi-transactions.yaml");

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            Instant end = watermark();
            long expected = simulator.transactionsBetween(
                    end.plus(TransactionWindows.LATEST_BEFORE_NOW).minus(Duration.ofDays(60)), end);
            assertThat(count("SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\"")).isEqualTo(expected);
            assertThat(jsonLines("spapi_transaction")).hasSize((int) expected);
        }
    }

    @Test
    void badCredentialsFailTheRunWithAClearErrorAndNoSecretInLogsOrDeadLetters() throws Exception {
        LwaCredentials wrong = new LwaCredentials(
                CREDENTIALS.clientId(), "amzn1.oa2-cs.v1.wrongClientSecret4711", "Atzr|IwEBIwrongRefreshToken0815");
        StringWriter logs = new StringWriter();
        try (SpApiSimulator simulator = SpApiSimulator.start(
                        SpApiSimulatorOptions.of(0, RuntimeClock.get()).withCredentials(CREDENTIALS));
                AutoCloseable capture = LogCapture.captureLogs(logs)) {
            JobRun run = runOnce(config(simulator, wrong, 10), "spapi-transactions.yaml");

            assertThat(run.succeeded()).isFalse();
            assertThat(run.reportsFailed())
                    .as("the window is dead-lettered without redeliveries")
                    .isEqualTo(1);
            assertThat(simulator.calls(SpApiOperation.listTransactions)).isZero();
            String deadLetters = String.join(
                    "\n",
                    allFiles(dir.resolve("out/dead-letter")).stream()
                            .map(SpApiJobsTest::read)
                            .toList());
            assertThat(deadLetters)
                    .contains(
                            "LWA token exchange failed: HTTP 401 invalid_client: Client authentication failed; check PAYREPORTS_SPAPI_CLIENT_ID and PAYREPORTS_SPAPI_CLIENT_SECRET");
            for (String secret : List.of(
                    wrong.clientSecret(),
                    wrong.refreshToken(),
                    CREDENTIALS.clientSecret(),
                    CREDENTIALS.refreshToken())) {
                assertThat(logs.toString()).doesNotContain(secret);
                assertThat(deadLetters).doesNotContain(secret);
                assertThat(run.summaryLine()).doesNotContain(secret);
            }
            assertThat(logs.toString())
                    .contains("dead-lettered after retries: LWA token exchange failed: HTTP 401 invalid_client");
        }
    }

    @Test
    void thePaymentMethodsJobDeliversTheStoresPaymentMethods() throws Exception {
        try (SpApiSimulator simulator = SpApiSimulator.start(
                SpApiSimulatorOptions.of(0, RuntimeClock.get()).withCredentials(CREDENTIALS))) {
            JobRun run = runOnce(config(simulator, CREDENTIALS, 10), "spapi-payment-methods.yaml");

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.records())
                    .as("the three methods offered in ATVPDKIKX0DER")
                    .isEqualTo(3);
            assertThat(simulator.calls(SpApiOperation.getPaymentMethods)).isEqualTo(1);
            assertThat(String.join("\n", jsonLines("spapi_payment_method")))
                    .contains(
                            "\"paymentInstrumentType\":\"BANK_ACCOUNT\"",
                            "\"tail\":\"677\"",
                            "\"expiryYear\":\"2029\"",
                            "\"defaultMarketplaces\":\"ATVPDKIKX0DER\"",
                            "\"assignmentType\":\"DEFAULT_DEPOSIT_METHOD\"",
                            "\"accountHolderName\":\"Simulated Seller\"");
        }
    }

    private JobRun runOnce(Path config, String jobFile) throws Exception {
        try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes(jobFile)))) {
            application.start();
            assertThat(application.triggerAllJobs()).isEqualTo(1);
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(120)))
                    .isTrue();
            assertThat(application.describeMode())
                    .as("no Amazon Pay job, so no Amazon Pay demo simulator")
                    .startsWith("SP-API at ")
                    .doesNotContain("Amazon Pay");
            return application.jobRuns().finished().get(0);
        }
    }

    private Path routes(String jobFile) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("docs/jobs", jobFile), routes.resolve(jobFile));
        return routes;
    }

    private Path config(SpApiSimulator simulator, LwaCredentials credentials, int firstRunDays) throws IOException {
        return SpApiJobConfig.write(dir, simulator.baseUrl(), simulator.lwaEndpoint(), credentials, firstRunDays);
    }

    private Instant watermark() throws SQLException {
        try (Connection connection = database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT watermark FROM payreports_watermark WHERE job_id = 'spapi-transactions'")) {
            assertThat(row.next()).isTrue();
            Instant watermark = row.getObject(1, java.time.OffsetDateTime.class).toInstant();
            assertThat(watermark)
                    .isBefore(RuntimeClock.get()
                            .instant()
                            .minus(TransactionWindows.LATEST_BEFORE_NOW)
                            .plusSeconds(1));
            return watermark;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** For every transaction with breakdowns: the sum of its leaf lines equals its totalAmount. */
    private boolean leafSumsMatchTotals() throws SQLException {
        String sql = """
                SELECT COUNT(*) FROM "SPAPI_TRANSACTION" t
                JOIN (SELECT "TRANSACTION_ID", SUM("AMOUNT") AS leaves FROM "SPAPI_TRANSACTION_BREAKDOWN" WHERE "LEAF" = 'true' GROUP BY "TRANSACTION_ID") b
                  ON b."TRANSACTION_ID" = t."TRANSACTION_ID"
                WHERE b.leaves <> t."TOTAL_AMOUNT\"""";
        return count(sql) == 0
                && count(
                                "SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\" WHERE \"TOTAL_AMOUNT\" IS NULL OR \"TOTAL_CURRENCY\" IS NULL")
                        == 0
                && count(
                                "SELECT COUNT(*) FROM \"SPAPI_TRANSACTION\" WHERE \"TOTAL_CURRENCY\" = 'JPY' AND \"TOTAL_AMOUNT\" <> ROUND(\"TOTAL_AMOUNT\", 0)")
                        == 0;
    }

    private JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("data/state"));
        return h2;
    }

    private List<String> jsonLines(String layout) throws IOException {
        return allFiles(dir.resolve("out").resolve(layout)).stream()
                .filter(file -> file.toString().endsWith(".jsonl"))
                .flatMap(file -> read(file).lines())
                .toList();
    }

    private static String transactionIdOf(String jsonLine) {
        int start = jsonLine.indexOf("\"transactionId\":\"") + 17;
        return jsonLine.substring(start, jsonLine.indexOf('"', start));
    }

    private static List<Path> allFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
