package io.payreports.amazonpay;

import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportContext;
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
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Amazon Pay side of a reports job: which reports are new since the job's watermark, and the
 * download of one report document. Used as a bean by the {@code amazonpay-reports} route template.
 */
public class AmazonPayReportSource {

    /** Exchange property: the Amazon Pay {@link Report} being delivered; survives redelivery. */
    static final String SOURCE_REPORT = "payreportsAmazonPayReport";
    /** Exchange property: the newest instant up to which this run leaves nothing behind. */
    static final String WATERMARK_CEILING = "payreportsWatermarkCeiling";

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
    public List<Report> pendingReports(Exchange exchange, String reportType) throws SQLException {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        // log lines name the job as the summary does: account/job for an account other than the default
        String job = run.label();
        Instant retained = clock.instant().minus(RETENTION);
        Optional<Instant> watermark = watermarks.get(run.stateKey());
        if (watermark.isPresent() && watermark.get().isBefore(retained)) {
            // the job stood still longer than Amazon keeps reports: what was created in between is gone
            String warning = "watermark " + watermark.get().truncatedTo(ChronoUnit.SECONDS) + " is older than Amazon's "
                    + RETENTION.toDays() + "-day report retention; reports created before "
                    + retained.truncatedTo(ChronoUnit.SECONDS) + " may be lost, fetch them from Seller Central";
            LOG.warn("job {}: {}", job, warning);
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
                            job,
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
                .orElseGet(() -> completed.isEmpty()
                        ? since
                        : completed.get(completed.size() - 1).createdTime());
        exchange.setProperty(WATERMARK_CEILING, ceiling);
        run.reportsListed(completed.size());
        LOG.debug("job {}: {} reports since {}, {} completed", job, all.size(), since, completed.size());
        return completed;
    }

    /**
     * Fetches the document and opens its download at once: Amazon's pre-signed URL lives 30 s
     * (Amazon Pay report download guide), so nothing may sit between the two calls ({@link DocumentDownloader} fetches fresh
     * URLs for late or expired ones). A retry starts again from here. The charset the document host
     * declared, if any, goes to {@link ReportContext#DOCUMENT_CHARSET} for the parser.
     */
    public InputStream download(Exchange exchange) {
        Report report = exchange.getProperty(SOURCE_REPORT, Report.class);
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        LOG.info(
                "job {}: downloading report {} ({} to {})",
                run.label(),
                report.reportId(),
                report.startTime(),
                report.endTime());
        DocumentDownload download =
                new DocumentDownloader(() -> clients.apply(run.account()), clock).download(report.reportDocumentId());
        // null removes what an earlier attempt of this exchange may have set
        exchange.setProperty(ReportContext.DOCUMENT_CHARSET, download.charset().orElse(null));
        return download.body();
    }

    /**
     * Makes the split's report the one being delivered. Kept in properties, not the body, because
     * the body becomes the download and a redelivery must start again from the report.
     */
    public void select(Exchange exchange) {
        Report report = exchange.getMessage().getBody(Report.class);
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        exchange.setProperty(SOURCE_REPORT, report);
        exchange.setProperty(
                ReportContext.PROPERTY,
                run.report(report.reportId(), report.reportType(), report.startTime(), report.endTime()));
        exchange.setProperty(JobRun.FAILURE_POSITION, report.createdTime());
    }

    /**
     * After all reports of the run: move the watermark to the ceiling, but never past a report that
     * failed, so the next run lists it again (the delivered-reports repository skips the rest).
     */
    public void advanceWatermark(Exchange exchange) throws SQLException {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        Instant ceiling = exchange.getProperty(WATERMARK_CEILING, Instant.class);
        if (ceiling == null) {
            return;
        }
        Instant target =
                run.earliestFailure().filter(failed -> failed.isBefore(ceiling)).orElse(ceiling);
        watermarks.advance(run.stateKey(), target);
    }
}
