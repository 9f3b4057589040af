package io.payreports.amazonpay;

import io.payreports.jobs.JobRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill: requests reports for a past period with createReport, in windows Amazon accepts (a
 * report covers at most 30 days, the Amazon Pay settlement report guide), polls them with
 * getReportById (the route's loop, camel/amazonpay-reports.yaml), and hands the completed ones to the
 * normal delivery. Reports Amazon ends as FAILED or CANCELLED (no data) are listed with their ids.
 */
public class AmazonPayBackfill {

    /** Exchange property: reports that ended without a document, for the command to print. */
    public static final String NOT_COMPLETED = "payreportsBackfillNotCompleted";

    private static final String IDEMPOTENCY_KEYS = "payreportsBackfillKeys";
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
    public AwaitedReports request(Exchange exchange, String reportType, String from, String to) {
        List<String> requested = new ArrayList<>();
        // one idempotency key per window, kept in the exchange so that a redelivery does not request twice
        @SuppressWarnings("unchecked")
        Map<String, String> keys = exchange.getProperty(IDEMPOTENCY_KEYS, Map.class);
        if (keys == null) {
            keys = new LinkedHashMap<>();
            exchange.setProperty(IDEMPOTENCY_KEYS, keys);
        }
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        AmazonPayClient client = clients.apply(run.account());
        for (Instant[] window : windows(Instant.parse(from), Instant.parse(to))) {
            String key = keys.computeIfAbsent(window[0].toString(), start -> AmazonPayClient.newIdempotencyKey());
            requested.add(client.createReport(reportType, window[0], window[1], key));
        }
        LOG.info(
                "backfill: requested {} report(s) of {} from {} to {}: {}",
                requested.size(),
                reportType,
                from,
                to,
                requested);
        return new AwaitedReports(requested, clock.instant(), timeout);
    }

    /** One turn of the route's polling loop: asks Amazon about every report still in progress. */
    public AwaitedReports poll(Exchange exchange, AwaitedReports awaited) {
        AmazonPayClient client = clients.apply(
                exchange.getProperty(JobRun.PROPERTY, JobRun.class).account());
        List<Report> answers = new ArrayList<>();
        for (String reportId : awaited.pendingIds()) {
            answers.add(client.getReportById(reportId));
        }
        awaited.polled(answers, clock.instant());
        return awaited;
    }

    /** The route's last step: the completed reports, for the delivery; the others listed for the command. */
    public List<Report> completed(Exchange exchange, AwaitedReports awaited) {
        List<Report> completed = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Report report : awaited.reports()) {
            if (report.processingStatus() == Report.ProcessingStatus.COMPLETED) {
                completed.add(report);
            } else {
                others.add(report.reportId() + " " + report.processingStatus());
                LOG.warn("backfill: report {} ended {}", report.reportId(), report.processingStatus());
            }
        }
        exchange.setProperty(NOT_COMPLETED, others);
        exchange.getProperty(JobRun.PROPERTY, JobRun.class).reportsListed(completed.size());
        return completed;
    }
}
