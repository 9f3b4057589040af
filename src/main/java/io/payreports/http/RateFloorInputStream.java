package io.payreports.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A download body that must average at least a given rate once a grace period has passed. The JDK's
 * HTTP client has no read timeout for bodies, and a peer sending one byte every few seconds would hold
 * a run forever: a watchdog checks every open download each second and cuts a slow one off, waking
 * the thread blocked in {@code read} (the JDK's body stream only wakes on interrupt).
 */
final class RateFloorInputStream extends FilterInputStream {

    private static final Set<RateFloorInputStream> OPEN = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "payreports-download-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        WATCHDOG.scheduleWithFixedDelay(() -> OPEN.forEach(RateFloorInputStream::check), 1, 1, TimeUnit.SECONDS);
    }

    private final String what;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long started = System.nanoTime();
    private final Object lock = new Object();
    private volatile long bytes;
    private volatile boolean cut;
    private Thread reader;

    RateFloorInputStream(InputStream body, String what, long minBytesPerSecond, Duration grace) {
        super(body);
        this.what = what;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        OPEN.add(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (cut) {
            throw tooSlow();
        }
        synchronized (lock) {
            reader = Thread.currentThread();
        }
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw cut ? tooSlow() : e;
        } finally {
            synchronized (lock) {
                reader = null;
            }
            if (cut) {
                Thread.interrupted(); // the watchdog's wake-up call, not a request to stop the thread
            }
        }
        if (cut) {
            throw tooSlow();
        }
        if (n > 0) {
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public void close() throws IOException {
        OPEN.remove(this);
        super.close();
    }

    private void check() {
        long elapsed = System.nanoTime() - started;
        if (elapsed <= graceNanos || bytes >= minBytesPerSecond * (elapsed / 1_000_000_000.0)) {
            return;
        }
        OPEN.remove(this);
        synchronized (lock) {
            cut = true;
            if (reader != null) {
                reader.interrupt();
            }
        }
        try {
            super.close();
        } catch (IOException ignored) {
            // the peer is cut off either way
        }
    }

    private IOException tooSlow() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return new IOException(what + " cut off: " + bytes + " bytes in " + Math.round(seconds) + " s is below "
                + HttpDeadlines.DOWNLOAD_MIN_RATE + " (" + minBytesPerSecond + " bytes/s after "
                + HttpDeadlines.DOWNLOAD_GRACE + " "
                + graceNanos / 1_000_000_000 + " s)");
    }
}
