package io.payreports.amazonpay;

/**
 * Every fresh document URL of one download expired before it could be used. The route's
 * redelivery may still succeed later (the cause is usually a slow or stalled run), so it retries.
 */
public class DocumentUrlExpiredException extends RuntimeException {

    public DocumentUrlExpiredException(String reportDocumentId, int attempts, String lastReason) {
        super("report document " + reportDocumentId + ": download URL expired on each of " + attempts
                + " attempts (payreports.amazonpay.document-url-attempts); last: " + lastReason);
    }
}
