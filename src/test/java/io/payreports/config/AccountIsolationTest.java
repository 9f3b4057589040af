package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.jobs.JobRun;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.Faults;
import io.payreports.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three merchant accounts in one runtime, each against its own Amazon Pay simulator: one account's wrong key and
 * another's throttling stay that account's problem; the third delivers everything, without waiting for them.
 */
class AccountIsolationTest {

    @TempDir
    Path dir;

    @Test
    void aWrongKeyOrAThrottledAccountFailsOnlyItsOwnJobs() throws Exception {
        KeyPair na = PemKeys.generateRsaKeyPair();
        KeyPair eu = PemKeys.generateRsaKeyPair();
        KeyPair jp = PemKeys.generateRsaKeyPair();
        // a valid key, but not the one the EU simulator knows for LIVE-EU
        KeyPair wrong = PemKeys.generateRsaKeyPair();
        try (AmazonPaySimulator naAmazon = simulator("LIVE-NA", na, 1, Faults.none());
                AmazonPaySimulator euAmazon = simulator("LIVE-EU", eu, 2, Faults.none());
                AmazonPaySimulator jpAmazon = simulator("LIVE-JP", jp, 3, Faults.parse("429=1", 3))) {
            Path config = Files.writeString(
                    dir.resolve("application.properties"),
                    String.join(
                            "\n",
                            "payreports.amazonpay.endpoint = " + naAmazon.baseUrl(),
                            "payreports.amazonpay.public-key-id = LIVE-NA",
                            "payreports.amazonpay.private-key-file = " + key("na", na),
                            "payreports.accounts.eu.amazonpay.region = eu",
                            "payreports.accounts.eu.amazonpay.endpoint = " + euAmazon.baseUrl(),
                            "payreports.accounts.eu.amazonpay.public-key-id = LIVE-EU",
                            "payreports.accounts.eu.amazonpay.private-key-file = " + key("wrong", wrong),
                            "payreports.accounts.jp.amazonpay.region = jp",
                            "payreports.accounts.jp.amazonpay.endpoint = " + jpAmazon.baseUrl(),
                            "payreports.accounts.jp.amazonpay.public-key-id = LIVE-JP",
                            "payreports.accounts.jp.amazonpay.private-key-file = " + key("jp", jp),
                            "payreports.output-dir = " + dir.resolve("out"),
                            "payreports.data-dir = " + dir.resolve("data"),
                            "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                            "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                            "payreports.retry.redelivery-delay = 10",
                            "payreports.retry.maximum-redeliveries = 3",
                            ""));
            Path routes = Files.createDirectories(dir.resolve("routes"));
            job("settlement-na", "default").writeTo(routes);
            job("settlement-eu", "eu").writeTo(routes);
            job("settlement-jp", "jp").writeTo(routes);
            assertThat(ConfigurationCheck.check(config, routes).problems()).isEmpty();

            Map<String, JobRun> runs;
            String mode;
            try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
                application.start();
                assertThat(application.triggerAllJobs()).isEqualTo(3);
                assertThat(application.jobRuns().awaitFinished(3, Duration.ofSeconds(120)))
                        .isTrue();
                runs = application.jobRuns().finished().stream()
                        .collect(Collectors.toMap(JobRun::jobId, Function.identity()));
                mode = application.describeMode();
            }

            JobRun delivered = runs.get("settlement-na");
            assertThat(delivered.succeeded()).as(delivered.summaryLine()).isTrue();
            assertThat(delivered.reportsDelivered()).isPositive();
            assertThat(delivered.reportsFailed()).isZero();

            JobRun wrongKey = runs.get("settlement-eu");
            assertThat(wrongKey.succeeded()).isFalse();
            assertThat(wrongKey.failure()).startsWith("account eu: ").contains("HTTP 401", "InvalidRequestSignature");

            JobRun throttled = runs.get("settlement-jp");
            assertThat(throttled.succeeded()).isFalse();
            assertThat(throttled.failure()).startsWith("account jp: ").contains("HTTP 429");
            // the throttled account waited out Amazon's Retry-After on each of its 4 attempts; the NA account, with
            // its own client and rate limits, was never throttled and did not wait with it
            assertThat(throttled.retries()).isEqualTo(3);
            assertThat(throttled.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(delivered.retries()).isZero();
            assertThat(delivered.duration()).isLessThan(Duration.ofSeconds(60));
            assertThat(mode)
                    .contains(
                            "Amazon Pay na/live at " + naAmazon.baseUrl(),
                            "account eu: Amazon Pay eu/live at " + euAmazon.baseUrl(),
                            "account jp: Amazon Pay jp/live at " + jpAmazon.baseUrl());
            assertThat(List.of(mode, wrongKey.failure(), throttled.failure()))
                    .noneMatch(text -> text.contains("PRIVATE KEY"));
        }
    }

    private AmazonPaySimulator simulator(String keyId, KeyPair keys, long seed, Faults faults) throws IOException {
        return AmazonPaySimulator.start(new SimulatorOptions(
                0,
                id -> id.equals(keyId) ? Optional.of(keys.getPublic()) : Optional.empty(),
                seed,
                14,
                RuntimeClock.get(),
                Optional.empty(),
                true,
                faults));
    }

    private Path key(String name, KeyPair keys) {
        Path file = dir.resolve(name + ".pem");
        PemKeys.writePrivateKey(keys.getPrivate(), file);
        return file;
    }

    private static JobFile job(String jobId, String account) {
        return JobFile.of("amazonpay-reports", jobId, account, "file,jdbc");
    }
}
