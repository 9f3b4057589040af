package io.payreports.amazonpay;

import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before each redelivery: when Amazon answered with a Retry-After header (throttling), waits
 * that long before trying again, on top of the job's exponential backoff, capped so a bad header
 * cannot stall a job.
 */
public class RetryAfterPause implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryAfterPause.class);

    private final Duration cap;

    public RetryAfterPause(Duration cap) {
        this.cap = cap;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        Optional<Duration> asked = asked(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (asked.isPresent() && !asked.get().isZero()) {
            Duration pause = capped(asked.get());
            LOG.info(waitMessage(asked.get(), pause));
            Thread.sleep(pause.toMillis());
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
            if (cause instanceof AmazonPayApiException api && api.retryAfter().isPresent()) {
                return api.retryAfter();
            }
        }
        return Optional.empty();
    }
}
