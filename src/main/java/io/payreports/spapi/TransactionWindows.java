package io.payreports.spapi;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans a run's listTransactions windows. It starts a lookback before the watermark, because Amazon
 * posts transactions up to 48 hours late (Finances API reference), and ends two minutes before now, the latest
 * postedBefore Amazon accepts (Finances API reference), less a margin for clock skew. No window spans more than
 * 180 days: a longer one is answered with no transactions at all, silently (Finances API reference).
 */
public final class TransactionWindows {

    public static final Duration MAX_WINDOW = Duration.ofDays(180);
    /** The Finances reference's two minutes, plus 30 s in case our clock runs ahead of Amazon's. */
    public static final Duration LATEST_BEFORE_NOW = Duration.ofMinutes(2).plusSeconds(30);

    private final Duration lookback;
    private final Duration firstRunSpan;

    /**
     * @param lookback     re-read this much before the watermark on every run
     * @param firstRunSpan how far back the first run of a job (no watermark yet) starts
     */
    public TransactionWindows(Duration lookback, Duration firstRunSpan) {
        this.lookback = lookback;
        this.firstRunSpan = firstRunSpan;
    }

    public List<TransactionWindow> plan(Optional<Instant> watermark, Instant now, String marketplaceId) {
        // whole seconds: what the query sends (TransactionsQuery), so the watermark is exactly the end Amazon was asked
        // for
        Instant end = now.minus(LATEST_BEFORE_NOW).truncatedTo(ChronoUnit.SECONDS);
        Instant start = watermark.map(mark -> mark.minus(lookback)).orElse(now.minus(firstRunSpan));
        List<TransactionWindow> windows = new ArrayList<>();
        while (start.isBefore(end)) {
            Instant windowEnd = start.plus(MAX_WINDOW).isBefore(end) ? start.plus(MAX_WINDOW) : end;
            windows.add(new TransactionWindow(
                    windows.size() + 1,
                    start,
                    windowEnd,
                    marketplaceId == null || marketplaceId.isBlank() ? null : marketplaceId));
            start = windowEnd;
        }
        return windows;
    }

    /** Where the lookback of a run starts; transactions seen before it need not be remembered any more. */
    public Instant lookbackStart(Instant watermark) {
        return watermark.minus(lookback);
    }
}
