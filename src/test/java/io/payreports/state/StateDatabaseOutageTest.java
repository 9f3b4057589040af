package io.payreports.state;

import static io.payreports.hostile.FakeAmazonPayReports.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.config.PayreportsApplication;
import io.payreports.hostile.FakeAmazonPayReports;
import io.payreports.hostile.FakeAmazonPayReports.FakeReport;
import io.payreports.hostile.HostileServer;
import io.payreports.jobs.JobRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The state database failing in the middle of a run must not lose a report: the report whose duplicate
 * check or delivery record failed is named, the run fails, and the watermark stays before it so the next
 * run delivers it. Against a PostgreSQL database the test owns and takes down.
 */
class StateDatabaseOutageTest {

    private static final FakeReport EARLIER = new FakeReport("AREPORT0000000000001", 0);
    private static final FakeReport LATER = new FakeReport("AREPORT0000000000002", 1);

    @TempDir
    Path dir;

    @Test
    void aReportWhoseDuplicateCheckFailedIsDeadLetteredByIdAndDeliveredByTheNextRun() throws Exception {
        try (OwnedPostgresDatabase state = new OwnedPostgresDatabase();
                HostileServer amazon = HostileServer.start()) {
            FakeAmazonPayReports.serve(amazon, List.of(EARLIER, LATER));
            // the outage starts while Amazon lists the reports of the first run: after the watermark was read, before
            // any duplicate check
            AtomicBoolean outage = new AtomicBoolean(true);
            amazon.on(FakeAmazonPayReports.API + "/reports", exchange -> {
                try {
                    if (outage.getAndSet(false)) {
                        state.cut();
                    }
                } catch (SQLException e) {
                    throw new IOException(e);
                }
                HostileServer.send(
                        exchange,
                        200,
                        "application/json",
                        FakeAmazonPayReports.reportsPage(List.of(EARLIER, LATER), null));
            });
            Path config = FakeAmazonPayReports.configure(dir, amazon, state.jdbcUrl());
            Path deadLetters = dir.resolve("out/dead-letter/" + JOB);

            JobRun first;
            try (PayreportsApplication application =
                    PayreportsApplication.create(config, Optional.of(dir.resolve("routes")))) {
                application.start();
                application.triggerAllJobs();
                // the state database comes back once the first report was given up on, while the second one waits for
                // it
                awaitFile(deadLetters, Duration.ofSeconds(60));
                state.restore();
                assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                        .isTrue();
                first = application.jobRuns().finished().get(0);
            }

            assertThat(first.succeeded()).as(first.summaryLine()).isFalse();
            assertThat(first.reportsFailed()).isEqualTo(1);
            assertThat(first.reportsDelivered()).isEqualTo(1);
            JsonNode letter =
                    new ObjectMapper().readTree(files(deadLetters).get(0).toFile());
            assertThat(letter.get("reportId").asText()).isEqualTo(EARLIER.reportId());
            assertThat(letter.get("reason").asText())
                    .contains("could not check in the state database whether " + JOB + "/" + EARLIER.reportId());
            assertThat(watermark(state))
                    .as("held before the report that failed")
                    .contains(EARLIER.createdTime());

            JobRun second = runOnce(config);
            assertThat(second.succeeded()).as(second.summaryLine()).isTrue();
            assertThat(second.reportsDelivered())
                    .as("the earlier report, at last; the later one is not delivered twice")
                    .isEqualTo(1);
            assertThat(dir.resolve("out/amazonpay_settlement/" + EARLIER.reportId() + ".jsonl"))
                    .exists();
            assertThat(watermark(state)).contains(LATER.createdTime());
        }
    }

    @Test
    void aDeliveryTheStateDatabaseDidNotRecordFailsTheRunAndHoldsTheWatermark() throws Exception {
        try (OwnedPostgresDatabase state = new OwnedPostgresDatabase();
                HostileServer amazon = HostileServer.start()) {
            FakeAmazonPayReports.serve(amazon, List.of(EARLIER, LATER));
            Path config = FakeAmazonPayReports.configure(dir, amazon, state.jdbcUrl());
            StateSchema.ensure(dataSource(state), false);
            // the record of the earlier report fails; everything else in the state database works
            state.execute("""
                    CREATE FUNCTION refuse_earlier() RETURNS trigger AS $$ BEGIN
                      IF NEW.messageId LIKE '%%%s' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql""".formatted(EARLIER.reportId()));
            state.execute(
                    "CREATE TRIGGER refuse_earlier BEFORE INSERT ON camel_messageprocessed FOR EACH ROW EXECUTE FUNCTION refuse_earlier()");

            JobRun first = runOnce(config);
            assertThat(first.succeeded()).as(first.summaryLine()).isFalse();
            assertThat(first.summaryLine())
                    .contains("delivered but not recorded=[" + EARLIER.reportId() + " (ERROR: disk full");
            assertThat(watermark(state)).contains(EARLIER.createdTime());

            state.execute("DROP TRIGGER refuse_earlier ON camel_messageprocessed");
            JobRun second = runOnce(config);
            assertThat(second.succeeded()).as(second.summaryLine()).isTrue();
            assertThat(second.reportsDelivered())
                    .as("the unrecorded report again, the recorded one not")
                    .isEqualTo(1);
            assertThat(watermark(state)).contains(LATER.createdTime());
        }
    }

    private JobRun runOnce(Path config) throws Exception {
        try (PayreportsApplication application =
                PayreportsApplication.create(config, Optional.of(dir.resolve("routes")))) {
            application.start();
            application.triggerAllJobs();
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                    .isTrue();
            return application.jobRuns().finished().get(0);
        }
    }

    private static PGSimpleDataSource dataSource(OwnedPostgresDatabase state) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(state.jdbcUrl());
        return dataSource;
    }

    private static Optional<java.time.Instant> watermark(OwnedPostgresDatabase state) throws SQLException {
        return new WatermarkStore(dataSource(state)).get(JOB);
    }

    private static void awaitFile(Path directory, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.isDirectory(directory) || files(directory).isEmpty()) {
            assertThat(System.nanoTime()).as("a file in " + directory).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        }
    }
}
