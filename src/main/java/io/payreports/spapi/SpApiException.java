package io.payreports.spapi;

import java.time.Duration;
import java.util.Optional;

/**
 * An error answer of SP-API: HTTP status plus the first entry of Amazon's ErrorList
 * ({@code code}, {@code message}, {@code details}; seeds 002, 004). Throttling and server-side
 * failures are worth another try; other 4xx answers are final.
 */
public class SpApiException extends RuntimeException {

    private final String operation;
    private final int status;
    private final String code;
    private final Duration retryAfter;

    public SpApiException(String operation, int status, String code, String message, Duration retryAfter) {
        super(operation + " failed: HTTP " + status + " " + code + (message == null || message.isBlank() ? "" : ": " + message));
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String operation() {
        return operation;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }
}
