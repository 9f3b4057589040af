package io.payreports.spapi;

import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import io.payreports.jobs.RetryAfterPause;
import io.payreports.reports.RecordLayout;
import io.payreports.state.WatermarkStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps of the {@code spapi-transactions} job (src/main/resources/camel/spapi-finances.yaml):
 * plan the windows, stream each window's pages, deliver each page's new transactions and their
 * breakdown lines as two deliveries, remember them, and move the watermark to a window's end once
 * all of its pages are delivered.
 */
public class SpApiTransactions {

    public static final String TYPE = "SPAPI_TRANSACTIONS";
    public static final String BREAKDOWNS_TYPE = "SPAPI_TRANSACTION_BREAKDOWNS";
    /** Restarts of one window after rejected page tokens, before the window fails like any error. */
    private static final int MAX_WINDOW_RESTARTS = 3;

    private final Function<String, SpApiClient> clients;
    private final WatermarkStore watermarks;
    private final TransactionLedger ledger;
    private final TransactionWindows windows;
    private final Clock clock;
    private final RetryAfterPause throttlePause;

    public SpApiTransactions(
            Function<String, SpApiClient> clients,
            WatermarkStore watermarks,
            TransactionLedger ledger,
            TransactionWindows windows,
            Clock clock,
            RetryAfterPause throttlePause) {
        this.clients = clients;
        this.watermarks = watermarks;
        this.ledger = ledger;
        this.windows = windows;
        this.clock = clock;
        this.throttlePause = throttlePause;
    }

    /** The windows of this run, oldest first. */
    public List<TransactionWindow> windows(JobContext job, String marketplaceId) throws SQLException {
        String stateKey = job.stateKey();
        Optional<Instant> watermark = watermarks.get(stateKey);
        if (watermark.isPresent()) {
            ledger.forgetBefore(stateKey, windows.lookbackStart(watermark.get()));
        }
        List<TransactionWindow> planned = windows.plan(watermark, clock.instant(), marketplaceId);
        job.run().reportsListed(planned.size());
        return planned;
    }

    /** The split expression over a window: its pages, fetched lazily. */
    public Iterator<WindowPages.Page> pages(JobContext job, TransactionWindow window) {
        // a window that fails after its retries is dead-lettered under this name, and the watermark stays before it
        job.select(
                job.run().report(windowId(window), TYPE, window.postedAfter(), window.postedBefore()),
                window.postedAfter(),
                null);
        return new WindowPages(clients.apply(job.run().account()), window, MAX_WINDOW_RESTARTS, throttlePause);
    }

    /** The page's transactions this job has not delivered before (or that Amazon changed since). */
    public List<Transaction> newTransactions(JobContext job, WindowPages.Page page) throws SQLException {
        List<Transaction> unseen = ledger.unseen(job.stateKey(), page.content().transactions());
        select(job, new PickedTransactions(page, unseen), TYPE, TransactionLayout.INSTANCE, "");
        return unseen;
    }

    /** The breakdown lines of the transactions {@link #newTransactions} picked, as a second delivery. */
    public List<BreakdownLine> breakdownLines(JobContext job) {
        PickedTransactions picked = job.item(PickedTransactions.class);
        select(job, picked, BREAKDOWNS_TYPE, BreakdownLineLayout.INSTANCE, "-breakdowns");
        return picked.transactions().stream()
                .flatMap(t -> BreakdownLine.of(t).stream())
                .toList();
    }

    /** After both deliveries committed: later re-reads of the lookback skip these transactions. */
    public void remember(JobContext job) throws SQLException {
        ledger.remember(job.stateKey(), job.item(PickedTransactions.class).transactions());
    }

    /** After every page of the window was delivered; never past a window that failed. */
    public void advanceWatermark(JobContext job, TransactionWindow window) throws SQLException {
        JobRun run = job.run();
        if (run.everyRecordSettled()) {
            watermarks.advance(run.stateKey(), window.postedBefore());
        }
    }

    /** One of the page's two deliveries; both stay in the window's place in the order should they fail. */
    private void select(JobContext job, PickedTransactions picked, String type, RecordLayout<?> layout, String suffix) {
        WindowPages.Page page = picked.page();
        TransactionWindow window = page.window();
        String id =
                windowId(window) + "-p" + page.number() + (page.restart() > 0 ? "-r" + page.restart() : "") + suffix;
        job.select(
                job.run().report(id, type, window.postedAfter(), window.postedBefore()), window.postedAfter(), picked);
        job.recordsIn(layout);
    }

    private static String windowId(TransactionWindow window) {
        return "transactions-" + AmazonPayDates.basic(window.postedAfter()) + "-"
                + AmazonPayDates.basic(window.postedBefore());
    }

    /** A page and the transactions of it {@link #newTransactions} picked. */
    record PickedTransactions(WindowPages.Page page, List<Transaction> transactions) {}
}
