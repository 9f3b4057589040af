package io.payreports.mws;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.config.PayreportsApplication;
import io.payreports.config.RuntimeClock;
import io.payreports.jobs.JobRun;
import io.payreports.simulator.Faults;
import io.payreports.simulator.MwsSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MWS job of docs/jobs/ end to end against the MWS simulator: deliver, acknowledge, never twice. */
class MwsJobTest {

    private static final List<String> SETTLEMENT = List.of("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_");

    @TempDir
    Path dir;

    private Path routes;

    @BeforeEach
    void jobFile() throws IOException {
        routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("docs/jobs/mws-settlement.yaml"), routes.resolve("mws-settlement.yaml"));
    }

    @Test
    void unacknowledgedReportsAreDeliveredThenAcknowledgedAndASecondRunFetchesNothing() throws Exception {
        try (MwsSimulator simulator = MwsSimulator.start(options())) {
            int generated = reportsWithData(simulator);
            JobRun first = runOnce(simulator, dir.resolve("out"));

            assertThat(first.succeeded()).as(first.summaryLine()).isTrue();
            assertThat(first.reportsDelivered()).isEqualTo(generated);
            assertThat(simulator.downloads()).isEqualTo(generated);
            assertThat(unacknowledged(simulator)).isEmpty();
            try (Stream<Path> files = Files.list(dir.resolve("out/amazonpay_settlement"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".jsonl"))).hasSize(generated);
            }

            JobRun second = runOnce(simulator, dir.resolve("out"));
            assertThat(second.succeeded()).as(second.summaryLine()).isTrue();
            assertThat(second.reportsDelivered()).isZero();
            assertThat(simulator.downloads()).as("nothing fetched again").isEqualTo(generated);
        }
    }

    @Test
    void aSinkFailureLeavesTheReportsUnacknowledgedForTheNextRun() throws Exception {
        try (MwsSimulator simulator = MwsSimulator.start(options())) {
            int generated = reportsWithData(simulator);
            Path blocked = Files.createDirectories(dir.resolve("blocked"));
            Files.writeString(blocked.resolve("amazonpay_settlement"), "a file where the sink's folder should be");

            JobRun failing = runOnce(simulator, blocked);
            assertThat(failing.succeeded()).isFalse();
            assertThat(failing.reportsFailed()).isEqualTo(generated);
            assertThat(unacknowledged(simulator)).hasSize(generated);

            JobRun repaired = runOnce(simulator, dir.resolve("out"));
            assertThat(repaired.succeeded()).as(repaired.summaryLine()).isTrue();
            assertThat(repaired.reportsDelivered()).isEqualTo(generated);
            assertThat(unacknowledged(simulator)).isEmpty();
        }
    }

    @Test
    void aDamagedDownloadIsFetchedAgainAndAMissingPeriodIsReported() throws Exception {
        try (MwsSimulator simulator =
                MwsSimulator.start(options().withCorruptDownloads(1).withMissing(Set.of(2)))) {
            int generated = reportsWithData(simulator);
            JobRun run = runOnce(simulator, dir.resolve("out"));

            assertThat(run.reportsDelivered()).isEqualTo(generated);
            assertThat(simulator.downloads()).as("the damaged one twice").isEqualTo(generated + 1);
            assertThat(run.hasWarnings()).isTrue();
            assertThat(run.summaryLine())
                    .contains("warning: no _GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_ report covers ");
        }
    }

    @Test
    void throttlingIsRetriedUntilEveryReportIsDelivered() throws Exception {
        int generated;
        try (MwsSimulator calm = MwsSimulator.start(options())) {
            generated = reportsWithData(calm);
        }
        try (MwsSimulator throttling = MwsSimulator.start(options().withFaults(Faults.parse("503=0.25", 7)))) {
            JobRun run = runOnce(throttling, dir.resolve("out"), 8);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered()).isEqualTo(generated);
        }
    }

    @Test
    void aReportDeliveredEarlierButNotAcknowledgedIsAcknowledgedWithoutASecondDelivery() throws Exception {
        try (MwsSimulator simulator = MwsSimulator.start(options())) {
            List<MwsReport> reports = MwsClientTest.client(simulator, MwsClientTest.SECRET)
                    .generatedReports(
                            SETTLEMENT,
                            RuntimeClock.get().instant().minus(Duration.ofDays(90)),
                            RuntimeClock.get().instant())
                    .stream()
                    .filter(report -> !report.hasNoData())
                    .toList();
            JdbcDataSource state = new JdbcDataSource();
            state.setURL("jdbc:h2:file:" + dir.resolve("data/state"));
            JdbcMessageIdRepository delivered = new JdbcMessageIdRepository(state, "payreports");
            delivered.start();
            delivered.add("mws-settlement/"
                    + reports.get(0).reportId()); // as if the acknowledgement of an earlier run was lost
            delivered.stop();

            JobRun run = runOnce(simulator, dir.resolve("out"));

            assertThat(run.reportsDelivered()).isEqualTo(reports.size() - 1);
            assertThat(simulator.downloads()).isEqualTo(reports.size() - 1);
            assertThat(unacknowledged(simulator)).isEmpty();
        }
    }

    private static MwsSimulator.Options options() {
        return MwsSimulator.Options.of(
                0, MwsClientTest.ACCESS_KEY, MwsClientTest.SECRET, MwsClientTest.SELLER, RuntimeClock.get());
    }

    private static int reportsWithData(MwsSimulator simulator) {
        return (int) MwsClientTest.client(simulator, MwsClientTest.SECRET)
                .generatedReports(
                        SETTLEMENT,
                        RuntimeClock.get().instant().minus(Duration.ofDays(90)),
                        RuntimeClock.get().instant())
                .stream()
                .filter(report -> !report.hasNoData())
                .count();
    }

    private static Set<String> unacknowledged(MwsSimulator simulator) {
        return MwsClientTest.client(simulator, MwsClientTest.SECRET).unacknowledged(SETTLEMENT);
    }

    private JobRun runOnce(MwsSimulator simulator, Path outputDir) throws Exception {
        return runOnce(simulator, outputDir, 2);
    }

    private JobRun runOnce(MwsSimulator simulator, Path outputDir, int redeliveries) throws Exception {
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "payreports.mws.endpoint = " + simulator.baseUrl(),
                        "payreports.mws.access-key-id = " + MwsClientTest.ACCESS_KEY,
                        "payreports.mws.secret-key = " + MwsClientTest.SECRET,
                        "payreports.mws.seller-id = " + MwsClientTest.SELLER,
                        "payreports.output-dir = " + outputDir,
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.retry.redelivery-delay = 10",
                        "payreports.retry.maximum-redeliveries = " + redeliveries,
                        ""));
        try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
            application.start();
            assertThat(application.triggerAllJobs()).isEqualTo(1);
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                    .isTrue();
            return application.jobRuns().finished().get(0);
        }
    }
}
