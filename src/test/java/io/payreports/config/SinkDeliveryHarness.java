package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.amazonpay.PemKeys;
import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportContext;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SimulatorOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The runtime as an operator runs it against sinks on real servers: one settlement report of
 * {@link #RECORDS} rows in three currencies served by the Amazon Pay simulator, a job file naming
 * the sinks, and {@code run --once}.
 */
final class SinkDeliveryHarness {

    static final String REPORT_ID = "ASINKS00000000000001";
    static final String REPORT_TYPE = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";
    static final int RECORDS = 120;
    private static final String KEY_ID = "LIVE-SINKS";
    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    /** What the report holds: the sum of NetTransactionAmount per currency. */
    final Map<String, BigDecimal> expectedSums = new TreeMap<>();

    SinkDeliveryHarness(Path dir) throws IOException {
        this.dir = dir;
        List<String> lines = new ArrayList<>(
                List.of(
                        "\"SellerId\",\"SettlementStartDate\",\"SettlementEndDate\"",
                        "\"A1SELLER\",\"2026-11-01T00:00:00-0000\",\"2026-11-08T00:00:00-0000\"",
                        "",
                        "\"TransactionPostedDate\",\"SettlementId\",\"AmazonTransactionId\",\"SellerReferenceId\",\"TransactionType\",\"AmazonOrderReferenceId\",\"SellerOrderId\",\"StoreName\",\"CurrencyCode\",\"TransactionDescription\",\"TransactionAmount\",\"TransactionPercentageFee\",\"TransactionFixedFee\",\"TotalTransactionFee\",\"NetTransactionAmount\""));
        for (int i = 0; i < RECORDS; i++) {
            String currency = CURRENCIES[i % 3];
            BigDecimal amount = BigDecimal.valueOf(i * 7919L % 100_000 + 1, 2);
            BigDecimal fee = BigDecimal.valueOf(-(i % 97), 2);
            BigDecimal net = amount.add(fee);
            expectedSums.merge(currency, net, BigDecimal::add);
            lines.add(String.format(
                    "\"2026-11-02T10:%02d:%02d-0000\",\"5044561311\",\"P01-%d-C1\",\"\",\"Capture\",\"P01-%d\",\"O-%d\",\"Shop, \"\"Main\"\"\",\"%s\",\"\",\"%s\",\"%s\",\"0\",\"%s\",\"%s\"",
                    i / 60,
                    i % 60,
                    i,
                    i,
                    i,
                    currency,
                    amount.toPlainString(),
                    fee.toPlainString(),
                    fee.toPlainString(),
                    net.toPlainString()));
        }
        Path reports = Files.createDirectories(dir.resolve("simulator-data"));
        Files.writeString(reports.resolve(REPORT_ID + ".csv"), String.join("\r\n", lines) + "\r\n");
    }

    AmazonPaySimulator simulator() throws IOException {
        return AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                .withDataDir(dir.resolve("simulator-data"), false));
    }

    /** Runs the settlement job once with these sinks and these extra properties; returns its run. */
    JobRun runOnce(AmazonPaySimulator simulator, String sinks, String... properties) throws Exception {
        return runOnce(simulator, Map.of("amazonpay-settlement", ReportContext.DEFAULT_ACCOUNT), sinks, properties)
                .get(0);
    }

    /** Runs settlement jobs (job id to account) once each with these sinks; returns their runs. */
    List<JobRun> runOnce(AmazonPaySimulator simulator, Map<String, String> jobs, String sinks, String... properties)
            throws Exception {
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path config = dir.resolve("application.properties");
        List<String> lines = new ArrayList<>(List.of(
                "payreports.amazonpay.endpoint = " + simulator.baseUrl(),
                "payreports.amazonpay.public-key-id = " + KEY_ID,
                "payreports.amazonpay.private-key-file = " + key,
                "payreports.output-dir = " + dir.resolve("out"),
                "payreports.data-dir = " + dir.resolve("data"),
                "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                "payreports.retry.redelivery-delay = 10"));
        // every other account calls the same simulated merchant with the same key: its report ids collide
        jobs.values().stream()
                .filter(account -> !account.equals(ReportContext.DEFAULT_ACCOUNT))
                .distinct()
                .forEach(account -> lines.addAll(List.of(
                        "payreports.accounts." + account + ".amazonpay.endpoint = " + simulator.baseUrl(),
                        "payreports.accounts." + account + ".amazonpay.public-key-id = " + KEY_ID,
                        "payreports.accounts." + account + ".amazonpay.private-key-file = " + key)));
        lines.addAll(List.of(properties));
        Files.writeString(config, String.join("\n", lines) + "\n");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (Map.Entry<String, String> job : jobs.entrySet()) {
            JobFile.of("amazonpay-reports", job.getKey(), job.getValue(), sinks)
                    .with("cron", "0 0 0 1 1 ? 2099")
                    .writeTo(routes);
        }
        try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
            application.start();
            assertThat(application.triggerAllJobs()).isEqualTo(jobs.size());
            assertThat(application.jobRuns().awaitFinished(jobs.size(), Duration.ofSeconds(120)))
                    .isTrue();
            return application.jobRuns().finished();
        }
    }

    /** Sums of {@code netTransactionAmount} per currency over JSON Lines records. */
    static Map<String, BigDecimal> sumsOfJsonLines(Stream<String> lines) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        lines.filter(line -> !line.isBlank()).forEach(line -> {
            JsonNode record = read(line);
            sums.merge(
                    record.get("currencyCode").asText(),
                    new BigDecimal(record.get("netTransactionAmount").asText()),
                    BigDecimal::add);
        });
        return sums;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dead-letter files a sink wrote, as their JSON lines. */
    List<JsonNode> sinkDeadLetters(String sink) throws IOException {
        Path directory = dir.resolve("out/dead-letter/amazonpay-settlement");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<JsonNode> letters = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_" + sink + ".jsonl"))
                    .toList()) {
                Files.readAllLines(file).stream()
                        .filter(line -> !line.isBlank())
                        .map(SinkDeliveryHarness::read)
                        .forEach(letters::add);
            }
        }
        return letters;
    }

    Path dir() {
        return dir;
    }
}
