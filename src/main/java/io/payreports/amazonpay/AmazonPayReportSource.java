package io.payreports.amazonpay;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import io.payreports.state.WatermarkStore;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Amazon Pay side of a reports job: which reports are new since the job's watermark, and the
 * download of one report document. Used as a bean by the {@code amazonpay-reports} route template.
 */
public class AmazonPayReportSource {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonPayReportSource.class);
    /** Amazon keeps reports for 90 days (Amazon Pay reports API reference): the first run looks that far back. */
    private static final Duration RETENTION = Duration.ofDays(90);

    /** The client of an account, by name, asked on first use: a demo simulator behind it starts only when a job of the account runs. */
    private final Function<String, AmazonPayClient> clients;

    private final WatermarkStore watermarks;
    private final Clock clock;

    public AmazonPayReportSource(Function<String, AmazonPayClient> clients, WatermarkStore watermarks, Clock clock) {
        this.clients = clients;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    /**
     * Completed reports of the type created since the job's watermark, oldest first. Reports still
     * in progress are not returned but hold the watermark back: they were created earlier than the
     * completed ones that follow them, and must be listed again once they complete.
     */
    public List<Report> pendingReports(JobContext job, String reportType) throws SQLException {
        JobRun run = job.run();
        // log lines name the job as the summary does: account/job for an account other than the default
        String label = run.label();
        Instant retained = clock.instant().minus(RETENTION);
        Optional<Instant> watermark = watermarks.get(run.stateKey());
        if (watermark.isPresent() && watermark.get().isBefore(retained)) {
            // the job stood still longer than Amazon keeps reports: what was created in between is gone
            String warning = "watermark " + watermark.get().truncatedTo(ChronoUnit.SECONDS) + " is older than Amazon's "
                    + RETENTION.toDays() + "-day report retention; reports created before "
                    + retained.truncatedTo(ChronoUnit.SECONDS) + " may be lost, fetch them from Seller Central";
            LOG.warn("job {}: {}", label, warning);
            run.warn(warning);
        }
        Instant since = watermark.orElse(retained);
        List<Report> all = clients.apply(run.account())
                .listReports(new ReportQuery(List.of(reportType), List.of(), since, null, 100));
        all.stream()
                .filter(report -> report.processingStatus() == Report.ProcessingStatus.FAILED
                        || report.processingStatus() == Report.ProcessingStatus.CANCELLED)
                .forEach(report -> {
                    LOG.warn(
                            "job {}: report {} ({} to {}) is {} at Amazon: no document to fetch",
                            label,
                            report.reportId(),
                            report.startTime(),
                            report.endTime(),
                            report.processingStatus());
                    run.reportNotFetched(
                            report.reportId(), report.processingStatus().name());
                });
        List<Report> completed = all.stream()
                .filter(report -> report.processingStatus() == Report.ProcessingStatus.COMPLETED
                        && report.reportDocumentId() != null)
                .sorted(Comparator.comparing(Report::createdTime))
                .toList();
        Instant ceiling = all.stream()
                .filter(report -> report.processingStatus() == Report.ProcessingStatus.IN_PROGRESS)
                .map(Report::createdTime)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                // nothing new leaves the watermark where it is; a job that has none yet stores none, because the
                // "now - 90 days" it listed from would look older than Amazon's retention to the next run
                .orElseGet(() -> completed.isEmpty()
                        ? watermark.orElse(null)
                        : completed.get(completed.size() - 1).createdTime());
        // the newest instant up to which this run leaves nothing behind
        job.watermarkTarget(ceiling);
        run.reportsListed(completed.size());
        LOG.debug("job {}: {} reports since {}, {} completed", label, all.size(), since, completed.size());
        return completed;
    }

    /**
     * Fetches the document and opens its download at once: Amazon's pre-signed URL lives 30 s
     * (Amazon Pay report download guide), so nothing may sit between the two calls ({@link DocumentDownloader} fetches fresh
     * URLs for late or expired ones). A retry starts again from here. The charset the document host
     * declared, if any, goes to {@link JobContext#documentCharset} for the parser.
     */
    public InputStream download(JobContext job) {
        Report report = job.item(Report.class);
        JobRun run = job.run();
        LOG.info(
                "job {}: downloading report {} ({} to {})",
                run.label(),
                report.reportId(),
                report.startTime(),
                report.endTime());
        DocumentDownload download =
                new DocumentDownloader(() -> clients.apply(run.account()), clock).download(report.reportDocumentId());
        // null removes what an earlier attempt of this report may have set
        job.documentCharset(download.charset().orElse(null));
        return download.body();
    }

    /**
     * Makes the split's report the one being delivered. Kept in the job context, not the body, because
     * the body becomes the download and a redelivery must start again from the report.
     */
    public void select(JobContext job, Report report) {
        job.select(
                job.run().report(report.reportId(), report.reportType(), report.startTime(), report.endTime()),
                report.createdTime(),
                report);
    }

    /**
     * After all reports of the run: move the watermark to the ceiling, but never past a report that
     * failed, so the next run lists it again (the delivered-reports repository skips the rest).
     */
    public void advanceWatermark(JobContext job) throws SQLException {
        JobRun run = job.run();
        Instant ceiling = job.watermarkTarget();
        if (ceiling == null) {
            return;
        }
        Instant target =
                run.earliestFailure().filter(failed -> failed.isBefore(ceiling)).orElse(ceiling);
        watermarks.advance(run.stateKey(), target);
    }
}
