package io.payreports.spapi;

import java.util.function.LongSupplier;

/**
 * SP-API's usage plans are token buckets: {@code burst} requests at once, refilled at {@code rate}
 * per second (Finances API v2024-06-19 reference: listTransactions 0.5/s burst 10; the Transfers API v2024-06-01 reference: initiatePayout 0.5/s burst 30).
 * The client waits for a token before each call; the simulator answers 429 when it has none.
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens; // guarded by this
    private long refilledAt; // guarded by this

    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    public TokenBucket(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, System::nanoTime);
    }

    /** Takes a token if one is there (the server side). */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Takes a token, waiting until one is there (the client side). Callers queue in order of arrival. */
    public void acquire() throws InterruptedException {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    /** Takes the next token now, possibly going into debt, and answers how long until it is really there. */
    synchronized long reserve() {
        refill();
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
        refilledAt = now;
    }
}
