package io.payreports.http;

import java.util.HashSet;
import java.util.Set;

/**
 * Ends a listing that would not end on its own: a page token Amazon hands out a second time (the
 * listing would go round in circles), more pages than {@code payreports.paging.max-pages} or more
 * items than {@code payreports.paging.max-items}. One guard per listing; the limits are process-wide,
 * set by the runtime at start ({@link #use}).
 */
public final class PagingGuard {

    /** The bounds on one listing. */
    public record Limits(long maxPages, long maxItems) {
        public static final String MAX_PAGES = "payreports.paging.max-pages";
        public static final String MAX_ITEMS = "payreports.paging.max-items";
        public static final Limits DEFAULTS = new Limits(10_000, 1_000_000);
    }

    private static volatile Limits limits = Limits.DEFAULTS;

    private final String listing;
    private final Limits bounds = limits;
    private final Set<String> tokens = new HashSet<>();
    private long pages;
    private long items;

    private PagingGuard(String listing) {
        this.listing = listing;
    }

    public static void use(Limits configured) {
        limits = configured;
    }

    /** A guard for one listing, named in its errors (e.g. "getReports"). */
    public static PagingGuard of(String listing) {
        return new PagingGuard(listing);
    }

    /**
     * Counts a page just read; {@code nextToken} is the token it gave for the next one (null or blank on
     * the last page).
     *
     * @throws PagingLimitException when the listing must end here
     */
    public void page(int itemsOnPage, String nextToken) {
        pages++;
        items += itemsOnPage;
        if (items > bounds.maxItems()) {
            throw new PagingLimitException(listing + " listed more than " + Limits.MAX_ITEMS + " (" + bounds.maxItems()
                    + ") items in " + pages + " pages; ended without a result");
        }
        if (nextToken == null || nextToken.isBlank()) {
            return;
        }
        if (pages >= bounds.maxPages()) {
            throw new PagingLimitException(listing + " has more than " + Limits.MAX_PAGES + " (" + bounds.maxPages()
                    + ") pages; ended without a result");
        }
        if (!tokens.add(nextToken)) {
            throw new PagingLimitException(
                    listing + " answered page " + pages + " with a nextToken it had given before; "
                            + "the listing would never end, ended without a result");
        }
    }
}
