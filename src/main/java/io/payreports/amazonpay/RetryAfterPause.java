package io.payreports.amazonpay;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

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
        Duration pause = pauseFor(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (!pause.isZero()) {
            LOG.info("Amazon asked to retry after {} s; waiting", pause.toSeconds());
            Thread.sleep(pause.toMillis());
        }
    }

    Duration pauseFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmazonPayApiException api && api.retryAfter().isPresent()) {
                Duration asked = api.retryAfter().get();
                return asked.compareTo(cap) > 0 ? cap : asked;
            }
        }
        return Duration.ZERO;
    }
}
