package io.payreports.spapi;

import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.jobs.JobRun;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.state.WatermarkStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * The steps of the {@code spapi-transactions} job (src/main/resources/camel/spapi-finances.yaml):
 * plan the windows, stream each window's pages, deliver each page's new transactions and their
 * breakdown lines as two deliveries, remember them, and move the watermark to a window's end once
 * all of its pages are delivered.
 */
public class SpApiTransactions {

    public static final String TYPE = "SPAPI_TRANSACTIONS";
    public static final String BREAKDOWNS_TYPE = "SPAPI_TRANSACTION_BREAKDOWNS";
    private static final String NEW_TRANSACTIONS = "payreportsSpApiNewTransactions";
    private static final String PAGE = "payreportsSpApiPage";
    /** Restarts of one window after rejected page tokens, before the window fails like any error. */
    private static final int MAX_WINDOW_RESTARTS = 3;

    private final Function<String, SpApiClient> clients;
    private final WatermarkStore watermarks;
    private final TransactionLedger ledger;
    private final TransactionWindows windows;
    private final Clock clock;

    public SpApiTransactions(
            Function<String, SpApiClient> clients,
            WatermarkStore watermarks,
            TransactionLedger ledger,
            TransactionWindows windows,
            Clock clock) {
        this.clients = clients;
        this.watermarks = watermarks;
        this.ledger = ledger;
        this.windows = windows;
        this.clock = clock;
    }

    /** The windows of this run, oldest first. */
    public List<TransactionWindow> windows(Exchange exchange, String marketplaceId) throws SQLException {
        String stateKey = run(exchange).stateKey();
        Optional<Instant> watermark = watermarks.get(stateKey);
        if (watermark.isPresent()) {
            ledger.forgetBefore(stateKey, windows.lookbackStart(watermark.get()));
        }
        List<TransactionWindow> planned = windows.plan(watermark, clock.instant(), marketplaceId);
        run(exchange).reportsListed(planned.size());
        return planned;
    }

    /** The split expression over a window (the body): its pages, fetched lazily. */
    public Iterator<WindowPages.Page> pages(Exchange exchange) {
        TransactionWindow window = exchange.getMessage().getBody(TransactionWindow.class);
        // a window that fails after its retries is dead-lettered under this name, and the watermark stays before it
        exchange.setProperty(
                ReportContext.PROPERTY,
                run(exchange).report(windowId(window), TYPE, window.postedAfter(), window.postedBefore()));
        exchange.setProperty(JobRun.FAILURE_POSITION, window.postedAfter());
        return new WindowPages(clients.apply(run(exchange).account()), window, MAX_WINDOW_RESTARTS);
    }

    /** The page's transactions this job has not delivered before (or that Amazon changed since). */
    public List<Transaction> newTransactions(Exchange exchange) throws SQLException {
        WindowPages.Page page = exchange.getMessage().getBody(WindowPages.Page.class);
        List<Transaction> unseen =
                ledger.unseen(run(exchange).stateKey(), page.content().transactions());
        exchange.setProperty(NEW_TRANSACTIONS, unseen);
        prepareDelivery(exchange, page, TYPE, TransactionLayout.INSTANCE, "");
        return unseen;
    }

    /** The breakdown lines of the transactions {@link #newTransactions} picked, as a second delivery. */
    public List<BreakdownLine> breakdownLines(Exchange exchange) {
        WindowPages.Page page = exchange.getProperty(PAGE, WindowPages.Page.class);
        prepareDelivery(exchange, page, BREAKDOWNS_TYPE, BreakdownLineLayout.INSTANCE, "-breakdowns");
        return picked(exchange).stream()
                .flatMap(t -> BreakdownLine.of(t).stream())
                .toList();
    }

    /** After both deliveries committed: later re-reads of the lookback skip these transactions. */
    public void remember(Exchange exchange) throws SQLException {
        ledger.remember(run(exchange).stateKey(), picked(exchange));
    }

    /** After every page of the window (the body) was delivered; never past a window that failed. */
    public void advanceWatermark(Exchange exchange) throws SQLException {
        JobRun run = run(exchange);
        if (run.everyRecordSettled()) {
            watermarks.advance(
                    run.stateKey(),
                    exchange.getMessage().getBody(TransactionWindow.class).postedBefore());
        }
    }

    private void prepareDelivery(
            Exchange exchange, WindowPages.Page page, String type, RecordLayout<?> layout, String suffix) {
        TransactionWindow window = page.window();
        String id =
                windowId(window) + "-p" + page.number() + (page.restart() > 0 ? "-r" + page.restart() : "") + suffix;
        exchange.setProperty(PAGE, page);
        exchange.setProperty(
                ReportContext.PROPERTY, run(exchange).report(id, type, window.postedAfter(), window.postedBefore()));
        exchange.setProperty(ReportDeliveries.LAYOUT, layout);
    }

    private static String windowId(TransactionWindow window) {
        return "transactions-" + AmazonPayDates.basic(window.postedAfter()) + "-"
                + AmazonPayDates.basic(window.postedBefore());
    }

    /** What {@link #newTransactions} picked for this page. */
    @SuppressWarnings("unchecked")
    private static List<Transaction> picked(Exchange exchange) {
        return (List<Transaction>) exchange.getProperty(NEW_TRANSACTIONS, List.class);
    }

    private static JobRun run(Exchange exchange) {
        return exchange.getProperty(JobRun.PROPERTY, JobRun.class);
    }
}
