package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SettlementReportGenerator;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import io.payreports.simulator.SimulatorOptions;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a report is being delivered: the delivery finishes within the shutdown timeout, the
 * runtime stops, and consumers see the whole report file, never a part of it.
 */
class GracefulShutdownIT {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    /** Large enough to be in flight when SIGTERM comes, small enough to finish within the timeout on a loaded machine. */
    private static final int RECORDS = 50_000;

    @TempDir
    Path workDir;

    @Test
    void sigtermLetsTheDeliveryInFlightFinishThenStops() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("simulator-data"));
        Settlement template = SettlementReportGenerator.plan(
                        5, RuntimeClock.get().instant(), 90)
                .get(0);
        Settlement large = template.resized("ASHUTDOWN00000000001", RECORDS);
        try (Writer out = Files.newBufferedWriter(data.resolve(large.reportId() + ".csv"), StandardCharsets.UTF_8)) {
            SettlementReportGenerator.write(large, out);
        }
        Path key = workDir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);

        try (AmazonPaySimulator simulator =
                AmazonPaySimulator.start(SimulatorOptions.of(0, "LIVE-SHUTDOWN", KEYS.getPublic(), RuntimeClock.get())
                        .withDataDir(data, false))) {
            Path config = workDir.resolve("application.properties");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "payreports.amazonpay.endpoint = " + simulator.baseUrl(),
                            "payreports.amazonpay.public-key-id = LIVE-SHUTDOWN",
                            "payreports.amazonpay.private-key-file = " + key,
                            "payreports.jobs.amazonpay-settlement.cron = 0/2 * * * * ?",
                            "camel.main.shutdown-timeout = 300", // generous: on a loaded machine the delivery may
                            // crawl, and it must still finish
                            ""));
            Path log = Files.createDirectories(Path.of("target", "test-logs")).resolve("graceful-shutdown.log");
            Process run = PayreportsJar.start(workDir, List.of(), log, "run", "--config", config.toString());

            awaitLine(log, "downloading report " + large.reportId(), run);
            run.destroy(); // SIGTERM, as an orchestrator stops a container
            assertThat(run.waitFor(330, TimeUnit.SECONDS))
                    .as("stopped within the shutdown timeout")
                    .isTrue();

            String output = Files.readString(log);
            assertThat(output)
                    .contains("report " + large.reportId() + ": " + RECORDS + " records delivered")
                    .as("shutdown did not cut the delivery short")
                    .doesNotContain("Failed delivery");
            Path jsonl = workDir.resolve("out/amazonpay_settlement/" + large.reportId() + ".jsonl");
            try (Stream<String> lines = Files.lines(jsonl)) {
                assertThat(lines.count()).isEqualTo(RECORDS);
            }
            try (Stream<Path> files = Files.walk(workDir.resolve("out"))) {
                assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
            }
        }
    }

    private static void awaitLine(Path log, String text, Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertThat(run.isAlive()).as("payreports still running").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the log within 60 s");
    }
}
