package io.payreports.amazonpay;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill: requests reports for a past period with createReport, in windows Amazon accepts (a
 * report covers at most 30 days, the Amazon Pay settlement report guide), polls them with
 * getReportById (the route's loop, camel/amazonpay-reports.yaml), and hands the completed ones to the
 * normal delivery. Reports Amazon ends as FAILED or CANCELLED (no data) are listed with their ids.
 */
public class AmazonPayBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonPayBackfill.class);
    private static final Duration MAX_WINDOW = Duration.ofDays(30);

    /** The client of an account, by name, asked on first use: a demo simulator behind it starts only when a job of the account runs. */
    private final Function<String, AmazonPayClient> clients;

    private final Clock clock;
    private final Duration timeout;

    public AmazonPayBackfill(Function<String, AmazonPayClient> clients, Clock clock, Duration timeout) {
        this.clients = clients;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Windows of at most 30 days covering [from, to). */
    static List<Instant[]> windows(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        List<Instant[]> windows = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(MAX_WINDOW)) {
            Instant end = start.plus(MAX_WINDOW).isBefore(to) ? start.plus(MAX_WINDOW) : to;
            windows.add(new Instant[] {start, end});
        }
        return windows;
    }

    /** The route's first step: requests the reports, to be polled until Amazon created them. */
    public AwaitedReports request(JobContext job, String reportType, String from, String to) {
        List<String> requested = new ArrayList<>();
        JobRun run = job.run();
        AmazonPayClient client = clients.apply(run.account());
        for (Instant[] window : windows(Instant.parse(from), Instant.parse(to))) {
            requested.add(
                    client.createReport(reportType, window[0], window[1], idempotencyKey(run, reportType, window)));
        }
        LOG.info(
                "backfill: requested {} report(s) of {} from {} to {}: {}",
                requested.size(),
                reportType,
                from,
                to,
                requested);
        return new AwaitedReports(run.account(), requested, clock.instant(), timeout);
    }

    /** One turn of the route's polling loop: asks Amazon about every report still in progress. */
    public AwaitedReports poll(AwaitedReports awaited) {
        List<Report> answers = new ArrayList<>();
        AmazonPayClient client = clients.apply(awaited.account());
        for (String reportId : awaited.pendingIds()) {
            answers.add(client.getReportById(reportId));
        }
        awaited.polled(answers, clock.instant());
        return awaited;
    }

    /** The route's last step: the completed reports, for the delivery; the others listed for the command. */
    public List<Report> completed(JobContext job, AwaitedReports awaited) {
        List<Report> completed = new ArrayList<>();
        for (Report report : awaited.reports()) {
            if (report.processingStatus() == Report.ProcessingStatus.COMPLETED) {
                completed.add(report);
            } else {
                job.run()
                        .reportNotFetched(
                                report.reportId(), report.processingStatus().name());
                LOG.warn("backfill: report {} ended {}", report.reportId(), report.processingStatus());
            }
        }
        job.run().reportsListed(completed.size());
        return completed;
    }

    /**
     * One idempotency key per window and run: a redelivery of the request step asks with the same keys, so Amazon
     * does not create the reports twice, while another backfill of the same window (another run) gets new ones.
     * 32 hex digits, like {@link AmazonPayClient#newIdempotencyKey()}.
     */
    private static String idempotencyKey(JobRun run, String reportType, Instant[] window) {
        String request = run.exchangeId() + "|" + reportType + "|" + window[0] + "|" + window[1];
        return UUID.nameUUIDFromBytes(request.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
