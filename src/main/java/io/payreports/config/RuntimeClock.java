package io.payreports.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The runtime's one clock. Everything that depends on "now" (the simulator's generated data, job
 * windows, watermarks, document URL expiry, payout guards) takes its time from here, so that a test
 * suite, a demo or an operator's dry run can start the whole runtime at a chosen instant with
 * {@value #PROPERTY} (system property) or {@value #ENV} (environment), as an ISO-8601 instant
 * ({@code 2027-01-10T10:00:00Z}) or a date ({@code 2027-01-10}, midnight UTC).
 *
 * <p>A pinned clock still ticks at the wall clock's pace from the chosen instant: expiry, timeouts
 * and durations behave as in production, only the calendar is moved. Unset, it is the system UTC
 * clock.
 */
public final class RuntimeClock {

    public static final String PROPERTY = "payreports.clock";
    public static final String ENV = "PAYREPORTS_CLOCK";

    private RuntimeClock() {}

    /** The clock every component of this JVM shares. */
    public static Clock get() {
        return Holder.CLOCK;
    }

    static Clock from(String start, Clock wall) {
        if (start == null || start.isBlank()) {
            return wall;
        }
        return Clock.offset(wall, Duration.between(wall.instant(), parse(start.trim())));
    }

    private static Instant parse(String start) {
        try {
            return start.length() == 10
                    ? LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PROPERTY + " (" + ENV + "): '" + start
                    + "' is neither an ISO-8601 instant such as 2027-01-10T10:00:00Z nor a date such as 2027-01-10");
        }
    }

    /** Read once, on first use, so that every component sees the same offset. */
    private static final class Holder {
        private static final Clock CLOCK = from(System.getProperty(PROPERTY, System.getenv(ENV)), Clock.systemUTC());
    }
}
