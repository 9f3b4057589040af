package io.payreports.amazonpay;

import io.payreports.http.Throttled;
import java.time.Duration;
import java.util.Optional;

/**
 * An error answer from Amazon Pay: HTTP status plus Amazon's {@code reasonCode} and {@code message}.
 * Only throttling and server-side failures are worth another try; a 4xx other than 429 is final.
 */
public class AmazonPayApiException extends RuntimeException implements Throttled {

    private final String operation;
    private final int status;
    private final String reasonCode;
    private final Duration retryAfter;

    public AmazonPayApiException(String operation, int status, String reasonCode, String message) {
        this(operation, status, reasonCode, message, null);
    }

    /** @param retryAfter how long Amazon asked us to wait (its Retry-After header), or null */
    public AmazonPayApiException(String operation, int status, String reasonCode, String message, Duration retryAfter) {
        super(operation + " failed: HTTP " + status + " " + reasonCode
                + (message == null || message.isBlank() ? "" : ": " + message));
        this.operation = operation;
        this.status = status;
        this.reasonCode = reasonCode;
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }
}
