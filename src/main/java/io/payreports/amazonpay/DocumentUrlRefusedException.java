package io.payreports.amazonpay;

/**
 * A report document URL that payreports will not fetch (host not allowed, not https). Asking again
 * gets the same answer, so the route does not retry it.
 */
public class DocumentUrlRefusedException extends RuntimeException {

    public DocumentUrlRefusedException(String reportDocumentId, String reason) {
        super("refusing to download report document " + reportDocumentId + ": " + reason);
    }
}
