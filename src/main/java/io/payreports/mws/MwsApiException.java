package io.payreports.mws;

import io.payreports.http.Throttled;
import java.time.Duration;
import java.util.Optional;

/** An MWS error answer: HTTP status, MWS error code (e.g. {@code RequestThrottled}) and message. */
public class MwsApiException extends RuntimeException implements Throttled {

    private final int status;
    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    public MwsApiException(int status, String code, String message, boolean retryable) {
        this(status, code, message, retryable, null);
    }

    /** @param retryAfter how long MWS asked us to wait (a Retry-After header on a 503), or null */
    public MwsApiException(int status, String code, String message, boolean retryable, Duration retryAfter) {
        super("MWS " + code + " (HTTP " + status + "): " + message);
        this.status = status;
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Throttling and server errors pass; a bad signature or request does not get better by asking again. */
    public boolean isRetryable() {
        return retryable;
    }
}
