package io.payreports.spapi;

import io.payreports.http.PagingGuard;
import io.payreports.jobs.RetryAfterPause;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one window, fetched one at a time as the delivery asks for them (so a 180-day
 * window is never held in memory). Page tokens expire: when Amazon rejects one (400), the window
 * is read again from its first page, a few times at most; pages delivered before are delivered
 * again and the sinks' upsert on transactionId absorbs them.
 * <p>
 * A 429 is the seller's quota, shared with every other application the seller authorised, running out: not
 * a failure of the window. The same page is asked for again after the wait Amazon asked for (or its usage plan
 * takes), a few times per page, so throttling neither reads the window again from its first page nor uses up
 * the job's redeliveries, which are kept for real failures.
 */
public final class WindowPages implements Iterator<WindowPages.Page> {

    /** One page of a window; {@code restart} counts how often the window was restarted before it. */
    public record Page(TransactionWindow window, int number, int restart, TransactionsPage content) {}

    /** Throttled answers to one page before it fails like any error (and the window is redelivered). */
    static final int MAX_THROTTLED_PER_PAGE = 5;

    private static final Logger LOG = LoggerFactory.getLogger(WindowPages.class);

    private final SpApiClient client;
    private final TransactionWindow window;
    private final int maxRestarts;
    private final RetryAfterPause pause;
    private String nextToken;
    private PagingGuard guard = PagingGuard.of("listTransactions");
    private int number;
    private int restarts;
    private boolean done;

    public WindowPages(SpApiClient client, TransactionWindow window, int maxRestarts, RetryAfterPause pause) {
        this.client = client;
        this.window = window;
        this.maxRestarts = maxRestarts;
        this.pause = pause;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public Page next() {
        if (done) {
            throw new NoSuchElementException();
        }
        try {
            return fetchNext();
        } catch (RuntimeException e) {
            // a failed window is over: Camel walks the split's pages once more to release them, which
            // must not ask Amazon again; the window's redelivery starts a new WindowPages
            done = true;
            throw e;
        }
    }

    private Page fetchNext() {
        TransactionsPage page;
        try {
            page = ask(nextToken);
        } catch (SpApiException e) {
            if (nextToken == null || e.status() != 400 || restarts >= maxRestarts) {
                throw e;
            }
            restarts++;
            LOG.warn(
                    "window {} {}..{}: Amazon rejected the token of page {} ({}); reading the window again from its first page (restart {} of {})",
                    window.number(),
                    window.postedAfter(),
                    window.postedBefore(),
                    number + 1,
                    e.getMessage(),
                    restarts,
                    maxRestarts);
            nextToken = null;
            number = 0;
            guard = PagingGuard.of("listTransactions");
            page = ask(null);
        }
        number++;
        nextToken = page.nextToken();
        guard.page(page.transactions() == null ? 0 : page.transactions().size(), nextToken);
        done = !page.hasNext();
        return new Page(window, number, restarts, page);
    }

    /** The page after {@code token}, asked for again while Amazon throttles, at most {@link #MAX_THROTTLED_PER_PAGE} times. */
    private TransactionsPage ask(String token) {
        for (int throttled = 0; ; throttled++) {
            try {
                return client.listTransactions(window.query(), token);
            } catch (SpApiException e) {
                if (e.status() != 429 || throttled >= MAX_THROTTLED_PER_PAGE) {
                    throw e;
                }
                LOG.info(
                        "window {}: Amazon throttled page {} ({}); asking for it again ({} of {})",
                        window.number(),
                        number + 1,
                        e.getMessage(),
                        throttled + 1,
                        MAX_THROTTLED_PER_PAGE);
                waitAsAsked(e);
            }
        }
    }

    private void waitAsAsked(SpApiException throttled) {
        try {
            pause.pauseAsAsked(throttled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw throttled;
        }
    }
}
