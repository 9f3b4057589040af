package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.amazonpay.PemKeys;
import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportContext;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.Faults;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.state.WatermarkStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runtime as an operator configures it: real key, endpoint of a simulator started by the test,
 * the job file of routes/, and what ends up in the output folder and dead letters.
 */
class PayreportsApplicationTest {

    private static final String KEY_ID = "LIVE-E2E";
    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();

    @TempDir
    Path dir;

    private Path reports;

    private static final String CAPTURE =
            "\"2026-11-02T10:00:00-0000\",\"5044561311\",\"P01-1-C1\",\"\",\"Capture\",\"P01-1\",\"O-1\",\"Shop\",\"USD\",\"\",\"1,000.00\",\"-29.00\",\"-0.30\",\"-29.30\",\"970.70\"";
    private static final String MALFORMED =
            "\"2026-11-03T10:00:00-0000\",\"5044561311\",\"P01-2-C1\",\"\",\"Capture\",\"P01-2\",\"O-2\",\"Shop\",\"USD\",\"\",\"12,34,5\",\"-0.36\",\"-0.30\",\"-0.66\",\"11.84\"";
    private static final String TRANSFER =
            "\"2026-11-04T10:00:00-0000\",\"5044561311\",\"\",\"\",\"Transfer\",\"\",\"\",\"\",\"USD\",\"Transfer to bank\",\"-970.70\",\"0\",\"0\",\"0\",\"-970.70\"";

    @BeforeEach
    void reportFiles() throws IOException {
        reports = Files.createDirectories(dir.resolve("simulator-data"));
        writeReport(CAPTURE, TRANSFER);
    }

    /** The settlement report AMALFORMED0000000001 with these rows: the first starts on line 5. */
    private void writeReport(String... rows) throws IOException {
        Files.writeString(
                reports.resolve("AMALFORMED0000000001.csv"),
                String.join(
                                "\r\n",
                                "\"SellerId\",\"SettlementStartDate\",\"SettlementEndDate\"",
                                "\"A1SELLER\",\"2026-11-01T00:00:00-0000\",\"2026-11-08T00:00:00-0000\"",
                                "",
                                "\"TransactionPostedDate\",\"SettlementId\",\"AmazonTransactionId\",\"SellerReferenceId\",\"TransactionType\",\"AmazonOrderReferenceId\",\"SellerOrderId\",\"StoreName\",\"CurrencyCode\",\"TransactionDescription\",\"TransactionAmount\",\"TransactionPercentageFee\",\"TransactionFixedFee\",\"TotalTransactionFee\",\"NetTransactionAmount\"",
                                String.join("\r\n", rows))
                        + "\r\n");
    }

    @Test
    void aMalformedRowIsDeadLetteredWithItsLineTheOtherRowsAreDeliveredAndTheRunFails() throws Exception {
        writeReport(CAPTURE, MALFORMED, TRANSFER);
        try (AmazonPaySimulator simulator = simulator(Faults.none())) {
            JobRun run = runOnce(simulator);

            assertThat(run.succeeded())
                    .as("rows in dead letters need the operator: " + run.summaryLine())
                    .isFalse();
            assertThat(run.everyRecordSettled()).as("the watermark may move").isTrue();
            assertThat(run.reportsDelivered()).isEqualTo(1);
            assertThat(run.reportsFailed()).isZero();
            assertThat(run.records()).isEqualTo(2);
            assertThat(run.deadLettered()).isEqualTo(1);
            assertThat(Files.readAllLines(dir.resolve("out/amazonpay_settlement/AMALFORMED0000000001.jsonl")))
                    .hasSize(2)
                    .anySatisfy(line ->
                            assertThat(line).contains("\"netTransactionAmount\":\"970.70\"", "\"lineNumber\":5"));

            Path deadLetter = dir.resolve(
                    "out/dead-letter/amazonpay-settlement/AMALFORMED0000000001_rejected_TransactionAmount.jsonl");
            assertThat(files(dir.resolve("out/dead-letter/amazonpay-settlement")))
                    .containsExactly(deadLetter);
            JsonNode letter =
                    new ObjectMapper().readTree(Files.readAllLines(deadLetter).get(0));
            assertThat(letter.get("reportId").asText()).isEqualTo("AMALFORMED0000000001");
            assertThat(letter.get("lineNumber").asLong()).isEqualTo(6);
            assertThat(letter.get("reason").asText()).isEqualTo("TransactionAmount: not a number: '12,34,5'");
            assertThat(letter.get("payload").asText()).contains("\"12,34,5\"");
            assertThat(run.summaryLine()).contains(" FAILED: ", "rows rejected=1 in [" + deadLetter + "]");
        }
    }

    @Test
    void expiredDocumentUrlsAreReplacedByFreshOnesAndTheReportIsDelivered() throws Exception {
        try (AmazonPaySimulator simulator = simulator(Faults.parse("expired-urls=2", 1))) {
            JobRun run = runOnce(simulator);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered()).isEqualTo(1);
            assertThat(run.reportsFailed()).isZero();
            assertThat(run.records()).isEqualTo(2);
        }
    }

    @Test
    void aReportThatKeepsFailingIsRetriedThenDeadLetteredAndDeliveredOnTheNextRun() throws Exception {
        try (AmazonPaySimulator broken = simulator(Faults.parse("expired-urls", 1))) {
            JobRun run = runOnce(broken);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.reportsFailed()).isEqualTo(1);
            assertThat(files(dir.resolve("out/dead-letter/amazonpay-settlement")))
                    .singleElement()
                    .satisfies(file -> assertThat(Files.readString(file))
                            .contains(
                                    "report document amzn1.tortuga.3.file.AMALFORMED0000000001: download URL expired on each of 3 attempts",
                                    "Request has expired")
                            .doesNotContain("X-Amz-Signature="));
        }
        try (AmazonPaySimulator healthy = simulator(Faults.none())) {
            JobRun run = runOnce(healthy);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered())
                    .as("the failed report was not marked delivered")
                    .isEqualTo(1);
        }
    }

    @Test
    void aWatermarkOlderThanAmazonsRetentionIsAWarningInTheSummary() throws Exception {
        org.h2.jdbcx.JdbcDataSource state = new org.h2.jdbcx.JdbcDataSource();
        state.setURL("jdbc:h2:file:" + dir.resolve("data/state"));
        new WatermarkStore(state)
                .advance("amazonpay-settlement", RuntimeClock.get().instant().minus(Duration.ofDays(120)));
        try (AmazonPaySimulator simulator = simulator(Faults.none())) {
            JobRun run = runOnce(simulator);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.hasWarnings()).isTrue();
            assertThat(run.summaryLine())
                    .contains(
                            "warning: watermark ",
                            " is older than Amazon's 90-day report retention; reports created before ");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "payreports.reports.max-download-size = 100|"
                        + "the download exceeds payreports.reports.max-download-size (100 bytes)",
                "payreports.reports.max-line-length = 100|"
                        + "is longer than payreports.reports.max-line-length (100 characters)"
            })
    void aDocumentOverALimitIsDeadLetteredAtOnceNamingTheLimitAndItsKey(String setting, String limit) throws Exception {
        try (AmazonPaySimulator simulator = simulator(Faults.none())) {
            Path config = configFor(simulator);
            Files.writeString(config, setting + "\n", java.nio.file.StandardOpenOption.APPEND);
            JobRun run = runOnce(config);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.reportsFailed()).isEqualTo(1);
            assertThat(run.retries())
                    .as("a limit stays exceeded: no redelivery")
                    .isZero();
            assertThat(files(dir.resolve("out/dead-letter/amazonpay-settlement")))
                    .singleElement()
                    .satisfies(file -> assertThat(new ObjectMapper()
                                    .readTree(file.toFile())
                                    .get("reason")
                                    .asText())
                            .startsWith("report AMALFORMED0000000001: ")
                            .contains(limit)
                            .doesNotContain("Exception when reading", "DocumentRejectedException"));
        }
    }

    @Test
    void theCharsetTheDownloadDeclaresDecodesTheReport() throws Exception {
        Path latin = Files.createDirectories(dir.resolve("latin-data"));
        Files.copy(
                Path.of("src/test/resources/reports/quirks/windows-1252.csv"),
                latin.resolve("AWINDOWS12520000001.csv"));
        SimulatorOptions options = SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withDataDir(latin, false)
                .withDocumentContentType("text/csv; charset=windows-1252");
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(options)) {
            JobRun run = runOnce(simulator);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(Files.readString(dir.resolve("out/amazonpay_settlement/AWINDOWS12520000001.jsonl")))
                    .contains("\"storeName\":\"Café Übersee\"", "Prix: 12 €");
        }
    }

    @Test
    void aDocumentUrlOffTheDocumentHostsIsRefusedAndDeadLettered() throws Exception {
        SimulatorOptions options = SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withDataDir(reports, false)
                .withDocumentBaseUrl(URI.create("https://evil.example"));
        try (AmazonPaySimulator forged = AmazonPaySimulator.start(options)) {
            JobRun run = runOnce(forged);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.reportsFailed()).isEqualTo(1);
            assertThat(files(dir.resolve("out/dead-letter/amazonpay-settlement")))
                    .singleElement()
                    .satisfies(file -> assertThat(Files.readString(file))
                            .contains(
                                    "refusing to download report document",
                                    "host evil.example is not in payreports.amazonpay.document-hosts")
                            .doesNotContain("X-Amz"));
        }
    }

    @Test
    void prometheusMetricsShowRecordsApiCallsRetriesAndLagPerJob() throws Exception {
        SimulatorOptions flaky = SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withFaults(Faults.parse("429=0.2", 3));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(flaky)) {
            Path config = configFor(simulator);
            Files.writeString(
                    config,
                    "camel.management.enabled = true\ncamel.management.port = " + port + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            try (PayreportsApplication application =
                    PayreportsApplication.create(config, Optional.of(Path.of("routes")))) {
                application.start();
                application.triggerAllJobs();
                assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                        .isTrue();

                String metrics = java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://127.0.0.1:" + port + "/observe/metrics"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body();
                JobRun run = application.jobRuns().finished().get(0);
                assertThat(metrics)
                        .contains(
                                "payreports_records_fetched_total{account=\"default\",job=\"amazonpay-settlement\"} "
                                        + run.records() + ".0",
                                "payreports_records_delivered_total{account=\"default\",job=\"amazonpay-settlement\",sink=\"jdbc\"} "
                                        + run.records() + ".0",
                                "payreports_api_calls_total{api=\"amazonpay\",operation=\"getReports\",status=\"200\"}",
                                "payreports_api_calls_total{api=\"amazonpay\",operation=\"getReportDocument\",status=\"429\"}",
                                "payreports_job_runs_total{account=\"default\",job=\"amazonpay-settlement\",outcome=\"ok\"} 1.0",
                                "payreports_last_success_timestamp_seconds{account=\"default\",job=\"amazonpay-settlement\"}",
                                "payreports_report_lag_seconds{account=\"default\",job=\"amazonpay-settlement\"}",
                                "payreports_run_warnings_total{account=\"default\",job=\"amazonpay-settlement\"} 0.0");
                assertThat(metrics)
                        .containsPattern(
                                "payreports_retries_total\\{account=\"default\",job=\"amazonpay-settlement\"\\} [1-9]");
            }
        }
    }

    @Test
    void withEveryCallFailingTheRunEndsInTheDeadLetterChannelAndSaysWhy() throws Exception {
        try (AmazonPaySimulator down = simulator(Faults.parse("500=1", 1))) {
            JobRun run = runOnce(down);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.failure()).isEqualTo("getReports failed: HTTP 500 InternalServerError: Simulated failure.");
            assertThat(run.deadLettered()).isEqualTo(1);
            assertThat(run.summaryLine()).contains("FAILED", "cause: getReports failed: HTTP 500");
            assertThat(files(dir.resolve("out/dead-letter/amazonpay-settlement")))
                    .singleElement()
                    .satisfies(file -> assertThat(Files.readString(file)).contains("InternalServerError"));
        }
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilEveryReportIsDelivered() throws Exception {
        SimulatorOptions flaky = SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withFaults(Faults.parse("429=0.3,500=0.05,503=0.05", 7));
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(flaky)) {
            JobRun run = runOnce(simulator);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered()).isBetween(12L, 15L);
            assertThat(run.deadLettered()).isZero();
        }
    }

    @Test
    void aBackfillRequestsReportsInThirtyDayWindowsWaitsAndDeliversTheCompletedOnes() throws Exception {
        SimulatorOptions options = SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get());
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(options);
                PayreportsApplication application = PayreportsApplication.create(configFor(simulator))) {
            application.start();
            List<String> notCompleted = application.backfill(
                    ReportContext.DEFAULT_ACCOUNT,
                    "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_",
                    Instant.parse("2026-09-01T00:00:00Z"),
                    Instant.parse("2026-10-15T00:00:00Z"),
                    "file,jdbc");

            JobRun run = application.jobRuns().finished().get(0);
            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered())
                    .as("44 days in windows of at most 30")
                    .isEqualTo(2);
            assertThat(run.deliveredBySink())
                    .containsEntry("file", run.records())
                    .containsEntry("jdbc", run.records());
            assertThat(notCompleted).isEmpty();

            assertThat(application.backfill(
                            ReportContext.DEFAULT_ACCOUNT,
                            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
                            Instant.parse("2026-10-01T00:00:00Z"),
                            Instant.parse("2026-10-02T00:00:00Z"),
                            "file"))
                    .singleElement()
                    .satisfies(report -> assertThat(report).endsWith(" CANCELLED"));
        }
    }

    @Test
    void theDisbursementsJobDeliversEachPayoutOnceKeyedByItsReference() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("docs/jobs/amazonpay-disbursements.yaml"), routes.resolve("amazonpay-disbursements.yaml"));
        try (AmazonPaySimulator simulator =
                AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get()))) {
            JobRun first = runOnce(simulator, routes);
            assertThat(first.succeeded()).as(first.summaryLine()).isTrue();
            assertThat(first.reportsDelivered()).isEqualTo(1);
            assertThat(first.records()).isBetween(12L, 15L);
            List<Path> files = files(dir.resolve("out/amazonpay_disbursement"));
            assertThat(files).hasSize(2);
            assertThat(Files.readAllLines(files.stream()
                            .filter(f -> f.toString().endsWith(".jsonl"))
                            .findFirst()
                            .orElseThrow()))
                    .hasSize((int) first.records())
                    .allSatisfy(line -> assertThat(line).contains("\"amazonDisbursementReferenceId\":\"DISB-"));

            JobRun second = runOnce(simulator, routes);
            assertThat(second.reportsDelivered()).isZero();
        }
    }

    private AmazonPaySimulator simulator(Faults faults) throws IOException {
        SimulatorOptions options = SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withDataDir(reports, false)
                .withFaults(faults);
        return AmazonPaySimulator.start(options);
    }

    private JobRun runOnce(AmazonPaySimulator simulator) throws Exception {
        return runOnce(simulator, Path.of("routes"));
    }

    private JobRun runOnce(AmazonPaySimulator simulator, Path routes) throws Exception {
        return runOnce(configFor(simulator), routes);
    }

    private JobRun runOnce(Path config) throws Exception {
        return runOnce(config, Path.of("routes"));
    }

    private JobRun runOnce(Path config, Path routes) throws Exception {
        try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
            application.start();
            assertThat(application.triggerAllJobs()).isEqualTo(1);
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                    .isTrue();
            return application.jobRuns().finished().get(0);
        }
    }

    private Path configFor(AmazonPaySimulator simulator) throws IOException {
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "payreports.amazonpay.endpoint = " + simulator.baseUrl(),
                        "payreports.amazonpay.public-key-id = " + KEY_ID,
                        "payreports.amazonpay.private-key-file = " + key,
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.retry.redelivery-delay = 10",
                        "payreports.retry.maximum-redeliveries = 6",
                        ""));
        return config;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
