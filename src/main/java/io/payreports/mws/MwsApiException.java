package io.payreports.mws;

/** An MWS error answer: HTTP status, MWS error code (e.g. {@code RequestThrottled}) and message. */
public class MwsApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean retryable;

    public MwsApiException(int status, String code, String message, boolean retryable) {
        super("MWS " + code + " (HTTP " + status + "): " + message);
        this.status = status;
        this.code = code;
        this.retryable = retryable;
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
