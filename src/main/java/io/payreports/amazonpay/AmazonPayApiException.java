package io.payreports.amazonpay;

/**
 * An error answer from Amazon Pay: HTTP status plus Amazon's {@code reasonCode} and {@code message}.
 * Only throttling and server-side failures are worth another try; a 4xx other than 429 is final.
 */
public class AmazonPayApiException extends RuntimeException {

    private final String operation;
    private final int status;
    private final String reasonCode;

    public AmazonPayApiException(String operation, int status, String reasonCode, String message) {
        super(operation + " failed: HTTP " + status + " " + reasonCode + (message == null || message.isBlank() ? "" : ": " + message));
        this.operation = operation;
        this.status = status;
        this.reasonCode = reasonCode;
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
