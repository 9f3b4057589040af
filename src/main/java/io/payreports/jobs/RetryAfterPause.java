package io.payreports.jobs;

import io.payreports.http.Throttled;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before each redelivery (the {@code onRedeliveryRef} of camel/errors.yaml): when Amazon said how
 * long to wait ({@link Throttled}: Amazon Pay, SP-API, MWS), waits that long before trying again, on
 * top of the job's exponential backoff, capped so a bad header cannot stall a job.
 */
public class RetryAfterPause implements Processor {

    /** How a pause passes: asleep in a job, recorded in a route test. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetryAfterPause.class);

    private final Duration cap;
    private final Sleeper sleeper;

    public RetryAfterPause(Duration cap) {
        this(cap, pause -> Thread.sleep(pause.toMillis()));
    }

    public RetryAfterPause(Duration cap, Sleeper sleeper) {
        this.cap = cap;
        this.sleeper = sleeper;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        pauseAsAsked(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** Waits what Amazon asked for in {@code failure} (capped), if it asked; logs the wait. */
    public void pauseAsAsked(Throwable failure) throws InterruptedException {
        Optional<Duration> asked = asked(failure);
        if (asked.isPresent() && !asked.get().isZero()) {
            Duration pause = capped(asked.get());
            LOG.info(waitMessage(asked.get(), pause));
            sleeper.sleep(pause);
        }
    }

    Duration pauseFor(Throwable failure) {
        return asked(failure).map(this::capped).orElse(Duration.ZERO);
    }

    /** What Amazon asked for and what is waited: they differ when the cap applies. */
    String waitMessage(Duration asked, Duration pause) {
        return "Amazon asked to retry after " + asked.toSeconds() + " s; waiting " + pause.toSeconds() + " s"
                + (pause.equals(asked) ? "" : " (capped by payreports.retry.maximum-redelivery-delay)");
    }

    private Duration capped(Duration asked) {
        return asked.compareTo(cap) > 0 ? cap : asked;
    }

    private static Optional<Duration> asked(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Throttled throttled && throttled.retryAfter().isPresent()) {
                return throttled.retryAfter();
            }
        }
        return Optional.empty();
    }
}
