package io.payreports.amazonpay;

import java.util.Locale;

/** A report document download answered with an error (expired URL, missing object, server error). */
public class ReportDownloadException extends RuntimeException {

    private final int status;
    private final String answer;

    public ReportDownloadException(ReportDocument document, int status, String body) {
        super("download of report document " + document.reportDocumentId() + " from " + document.redactedUrl()
                + " failed: " + answer(status, body));
        this.status = status;
        this.answer = answer(status, body);
    }

    public int status() {
        return status;
    }

    /** What the document host answered, e.g. {@code HTTP 403 AccessDenied: Request has expired}; never the URL. */
    public String answer() {
        return answer;
    }

    /**
     * Whether the pre-signed URL outlived its 30 s (Amazon Pay report download guide): S3 then answers 403 AccessDenied
     * "Request has expired". Only a fresh URL from getReportDocument helps.
     */
    public boolean urlExpired() {
        return status == 403 && answer.toLowerCase(Locale.ROOT).contains("expired");
    }

    private static String answer(int status, String body) {
        return "HTTP " + status + s3Code(body);
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
