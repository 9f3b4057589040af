package io.payreports.amazonpay;

/**
 * A report document URL that payreports will not fetch (host not allowed, not https). Nothing is
 * fetched, and the download stops at once: a fresh URL from the same source is no more trustworthy.
 */
public class DocumentUrlRefusedException extends RuntimeException {

    public DocumentUrlRefusedException(String reportDocumentId, String reason) {
        super("refusing to download report document " + reportDocumentId + ": " + reason);
    }
}
