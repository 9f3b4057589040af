package io.payreports.simulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Failures the simulator injects, from a spec such as {@code 429=0.2,500=0.1,slow=2000,expired-urls}:
 * the probability of answering 429 (with Retry-After), 500 or 503 to an API call, a delay in ms
 * before every API answer, document URLs that are expired when handed out (all of them, or with
 * {@code expired-urls=N} the first N), requested reports that end FAILED, and breaks in the settlement data
 * that a reconciliation must find ({@link SettlementBreak}, and {@code unsettled-capture}).
 */
public final class Faults {

    private static final String UNSETTLED_CAPTURE = "unsettled-capture";
    private static final String NAMES = "429=P, 500=P, 503=P, slow=MILLIS, expired-urls[=N], failed-reports, "
            + String.join(", ", SettlementBreak.faultNames()) + ", " + UNSETTLED_CAPTURE;

    private final double throttled;
    private final double internalError;
    private final double unavailable;
    private final long slowMillis;
    /** How many of the next document URLs are handed out expired. */
    private long expiredUrls;

    private final boolean failedReports;
    private final Set<SettlementBreak> breaks;
    private final boolean unsettledCapture;
    private final Random random;

    private Faults(
            double throttled,
            double internalError,
            double unavailable,
            long slowMillis,
            long expiredUrls,
            boolean failedReports,
            Set<SettlementBreak> breaks,
            boolean unsettledCapture,
            long seed) {
        this.throttled = throttled;
        this.internalError = internalError;
        this.unavailable = unavailable;
        this.slowMillis = slowMillis;
        this.expiredUrls = expiredUrls;
        this.failedReports = failedReports;
        this.breaks = Set.copyOf(breaks);
        this.unsettledCapture = unsettledCapture;
        this.random = new Random(seed);
    }

    public static Faults none() {
        return new Faults(0, 0, 0, 0, 0, false, Set.of(), false, 0);
    }

    /** @throws IllegalArgumentException naming the part that is wrong and the valid names */
    public static Faults parse(String spec, long seed) {
        double throttled = 0;
        double internalError = 0;
        double unavailable = 0;
        long slow = 0;
        long expired = 0;
        boolean failed = false;
        boolean unsettled = false;
        Set<SettlementBreak> breaks = EnumSet.noneOf(SettlementBreak.class);
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                String[] nameValue = part.trim().split("=", 2);
                String name = nameValue[0].trim().toLowerCase(Locale.ROOT);
                String value = nameValue.length > 1 ? nameValue[1].trim() : "";
                try {
                    switch (name) {
                        case "429" -> throttled = probability(value);
                        case "500" -> internalError = probability(value);
                        case "503" -> unavailable = probability(value);
                        case "slow" -> slow = Long.parseLong(value.replace("ms", ""));
                        case "expired-urls" -> expired = value.isEmpty() ? Long.MAX_VALUE : count(value);
                        case "failed-reports" -> failed = true;
                        case UNSETTLED_CAPTURE -> unsettled = true;
                        default ->
                            breaks.add(SettlementBreak.ofFaultName(name)
                                    .orElseThrow(() -> new IllegalArgumentException(
                                            "unknown fault '" + name + "'; valid: " + NAMES)));
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fault '" + part.trim() + "' needs a number; valid: " + NAMES);
                }
            }
        }
        return new Faults(throttled, internalError, unavailable, slow, expired, failed, breaks, unsettled, seed);
    }

    private static long count(String value) {
        long n = Long.parseLong(value);
        if (n < 0) {
            throw new IllegalArgumentException("a fault count must not be negative, not " + value);
        }
        return n;
    }

    private static double probability(String value) {
        double p = Double.parseDouble(value);
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a fault probability must be between 0 and 1, not " + value);
        }
        return p;
    }

    /** The status to answer instead of the real one, or 0. */
    synchronized int injectedStatus() {
        double roll = random.nextDouble();
        if (roll < throttled) {
            return 429;
        }
        if (roll < throttled + internalError) {
            return 500;
        }
        return roll < throttled + internalError + unavailable ? 503 : 0;
    }

    long slowMillis() {
        return slowMillis;
    }

    /** Whether the document URL being handed out is to be expired already; counts it. */
    synchronized boolean expireNextUrl() {
        if (expiredUrls == 0) {
            return false;
        }
        expiredUrls--;
        return true;
    }

    /** Requested reports end FAILED, as Amazon's do after a fatal error (Amazon Pay reports API reference). */
    boolean failedReports() {
        return failedReports;
    }

    /** Only the faults in this spec's data (breaks, unsettled capture), no API faults: for the other simulators. */
    public Faults breaksOnly() {
        return new Faults(0, 0, 0, 0, 0, false, breaks, unsettledCapture, 0);
    }

    /**
     * The MWS capture report of the oldest settlement period lists one more Completed capture, which no settlement
     * holds: a capture Amazon never settled, for the orders check to find.
     */
    public boolean unsettledCapture() {
        return unsettledCapture;
    }

    /** The breaks in otherwise balanced settlement data; see {@link SettlementBreak}. */
    public Set<SettlementBreak> breaks() {
        return breaks;
    }
}
