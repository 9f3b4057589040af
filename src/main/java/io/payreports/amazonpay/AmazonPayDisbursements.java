package io.payreports.amazonpay;

import io.payreports.http.PagingGuard;
import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import io.payreports.state.WatermarkStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The disbursements job's source: the payouts settled since the job's watermark, all pages, as one
 * batch delivered like a report (its id names the time window). The watermark moves only after
 * the batch was delivered; a replayed window is harmless, rows are upserted on their reference.
 */
public class AmazonPayDisbursements {

    public static final String TYPE = "AMAZONPAY_DISBURSEMENTS";
    /** Amazon keeps report data for 90 days (Amazon Pay reports API reference); the first run looks that far back. */
    private static final Duration FIRST_LOOKBACK = Duration.ofDays(90);

    /** Asked on first use: in demo mode the simulator behind it starts only when an Amazon Pay job runs. */
    private final Function<String, AmazonPayClient> clients;

    private final WatermarkStore watermarks;
    private final Clock clock;

    public AmazonPayDisbursements(Function<String, AmazonPayClient> clients, WatermarkStore watermarks, Clock clock) {
        this.clients = clients;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    /** The disbursements of the window [watermark, now); empty when there are none. */
    public List<Disbursement> pending(JobContext job) throws SQLException {
        JobRun run = job.run();
        // whole seconds: Amazon's basic time form has no fraction, and the watermark must be the end that was asked for
        Instant until = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant since = watermarks.get(run.stateKey()).orElse(until.minus(FIRST_LOOKBACK));
        List<Disbursement> disbursements = new ArrayList<>();
        String nextToken = null;
        PagingGuard guard = PagingGuard.of("getDisbursements");
        do {
            DisbursementsPage page = clients.apply(run.account()).getDisbursements(since, until, 100, nextToken);
            if (page.disbursements() != null) {
                disbursements.addAll(page.disbursements());
            }
            nextToken = page.nextToken();
            guard.page(page.disbursements() == null ? 0 : page.disbursements().size(), nextToken);
        } while (nextToken != null && !nextToken.isBlank());
        job.watermarkTarget(until);
        job.select(
                run.report(
                        "disbursements-" + AmazonPayDates.basic(since) + "-" + AmazonPayDates.basic(until),
                        TYPE,
                        since,
                        until),
                null,
                null);
        job.recordsIn(DisbursementLayout.INSTANCE);
        run.reportsListed(disbursements.isEmpty() ? 0 : 1);
        return disbursements;
    }

    /** After the batch was delivered: the next run asks from where this one's window ended. */
    public void advanceWatermark(JobContext job) throws SQLException {
        watermarks.advance(job.stateKey(), job.watermarkTarget());
    }
}
