package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payreports.sinks.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code run} processes on one PostgreSQL state database: each fire of the trigger runs on one
 * of them, never on both; when one is killed, the other keeps the schedule.
 */
class ClusterIT {

    private static final int EVERY_SECONDS = 2;

    @TempDir
    Path dir;

    @Test
    void eachFireRunsOnceAcrossTheClusterAndASurvivorTakesOver() throws Exception {
        try (TestDatabases.PostgresSchema postgres = new TestDatabases.PostgresSchema()) {
            String state = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + postgres.name();
            Path logs = Files.createDirectories(Path.of("target", "test-logs"));
            Process first = node("node-a", state, logs.resolve("cluster-node-a.log"));
            Process second = node("node-b", state, logs.resolve("cluster-node-b.log"));
            try {
                for (String node : List.of("a", "b")) {
                    // nodes starting together must not trip over each other creating the state tables
                    await("node " + node + " scheduled its job")
                            .atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> log(logs, node).contains("job amazonpay-settlement scheduled")
                                    || !alive(first, second));
                    assertThat(log(logs, node))
                            .as("node " + node)
                            .contains("job amazonpay-settlement scheduled")
                            .doesNotContain("Failed to start");
                }
                long before = runs(logs, "a") + runs(logs, "b");
                long started = System.nanoTime();
                await("five fires across the cluster")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> runs(logs, "a") + runs(logs, "b") - before >= 5);
                long together = runs(logs, "a") + runs(logs, "b") - before;
                long fires = Duration.ofNanos(System.nanoTime() - started).toSeconds() / EVERY_SECONDS + 2;
                System.out.printf(
                        "two nodes, a fire every %d s: %d runs in at most %d fires (a=%d, b=%d)%n",
                        EVERY_SECONDS, together, fires, runs(logs, "a"), runs(logs, "b"));
                assertThat(together).as("one run per fire, not one per node").isLessThanOrEqualTo(fires);

                Process victim = runs(logs, "a") >= runs(logs, "b") ? first : second;
                String survivor = victim == first ? "b" : "a";
                victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9
                long survivorBefore = runs(logs, survivor);
                await("the survivor keeps the schedule")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> runs(logs, survivor) - survivorBefore >= 4);
            } finally {
                first.destroyForcibly();
                second.destroyForcibly();
                first.waitFor(10, TimeUnit.SECONDS);
                second.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process node(String name, String stateJdbcUrl, Path log) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve(name));
        Path config = workDir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "payreports.cluster.enabled = true",
                        "payreports.cluster.checkin-interval = 2000",
                        "payreports.state.jdbc-url = " + stateJdbcUrl,
                        "payreports.jobs.amazonpay-settlement.cron = 0/" + EVERY_SECONDS + " * * * * ?",
                        ""));
        return PayreportsJar.start(workDir, List.of("-Xmx256m"), log, "run", "--config", config.toString());
    }

    private static String log(Path logs, String node) throws IOException {
        return Files.readString(logs.resolve("cluster-node-" + node + ".log"));
    }

    private static boolean alive(Process... nodes) {
        return java.util.Arrays.stream(nodes).allMatch(Process::isAlive);
    }

    private static long runs(Path logs, String node) throws IOException {
        try (var lines = Files.lines(logs.resolve("cluster-node-" + node + ".log"))) {
            return lines.filter(line -> line.contains("JobRuns - job amazonpay-settlement "))
                    .count();
        }
    }
}
