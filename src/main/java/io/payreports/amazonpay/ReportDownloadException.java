package io.payreports.amazonpay;

/** A report document download answered with an error (expired URL, missing object, server error). */
public class ReportDownloadException extends RuntimeException {

    private final int status;

    public ReportDownloadException(ReportDocument document, int status, String body) {
        super("download of report document " + document.reportDocumentId() + " from " + document.redactedUrl()
                + " failed: HTTP " + status + s3Code(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Pre-signed S3 URLs answer errors as XML; its Code (e.g. AccessDenied) is what an operator needs. */
    private static String s3Code(String body) {
        if (body == null) {
            return "";
        }
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        String code = start >= 0 && end > start ? body.substring(start + 6, end) : "";
        int mStart = body.indexOf("<Message>");
        int mEnd = body.indexOf("</Message>");
        String message = mStart >= 0 && mEnd > mStart ? body.substring(mStart + 9, mEnd) : "";
        return code.isEmpty() ? "" : " " + code + (message.isEmpty() ? "" : ": " + message);
    }
}
