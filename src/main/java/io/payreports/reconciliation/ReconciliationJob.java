package io.payreports.reconciliation;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import io.payreports.sinks.JdbcRecordsSink;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation from the records database to its outputs: the items in {@code reconciliation_run} and {@code
 * reconciliation_item}, the Markdown and CSV report under {@code <output-dir>/reconciliation/}, and the metrics. The
 * {@code reconcile} command and the {@code reconciliation} job template both run it.
 */
public final class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final JdbcRecordsSink records;
    private final Path reportDir;
    private final Tolerances tolerances;
    private final ReconciliationMetrics metrics;
    private final Clock clock;

    public ReconciliationJob(
            JdbcRecordsSink records,
            Path outputDir,
            Tolerances tolerances,
            ReconciliationMetrics metrics,
            Clock clock) {
        this.records = records;
        this.reportDir = outputDir.resolve("reconciliation");
        this.tolerances = tolerances;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Reconciles the days {@code from} to {@code to}, both inclusive (UTC), and writes every output. The account
     * names files and metric tags: it is one the configuration or the {@code reconcile} command checked against
     * the account-name rule (JobIds).
     */
    public Outcome reconcile(String account, LocalDate from, LocalDate to) throws SQLException, IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        records.migrate();
        RecordsDatabase database = new RecordsDatabase(records.dataSource(), records.schema());
        StoredRecords stored = database.read(
                account,
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Duration.ofDays(tolerances.payoutWindowDays()));
        String runId = from + "_" + to + "_" + account + "_" + RUN_TIME.format(now);
        ReconciliationResult result = Reconciliation.run(runId, account, from, to, now, tolerances, stored);
        new ReconciliationStore(database).save(result);
        Path report = ReconciliationReport.write(result, reportDir);
        metrics.record(result);
        LOG.info(
                "reconciliation {}: {} items, {} unmatched; report {}",
                runId,
                result.items().size(),
                result.unmatched().size(),
                report);
        return new Outcome(result, report);
    }

    /**
     * The job template's step: the {@code days} whole UTC days before today. Differences do not fail the run (it
     * did its work); they are a warning in the run summary, and in the report and metrics.
     */
    public void runJob(JobContext job, int days) throws SQLException, IOException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JobRun run = job.run();
        Outcome outcome = reconcile(run.account(), today.minusDays(days), today.minusDays(1));
        if (!outcome.result().balanced()) {
            run.warn(outcome.result().unmatched().size() + " reconciliation difference(s), see " + outcome.report());
        }
    }

    /** The result and where its Markdown report is. */
    public record Outcome(ReconciliationResult result, Path report) {}
}
