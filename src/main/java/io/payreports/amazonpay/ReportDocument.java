package io.payreports.amazonpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A report document: a pre-signed URL that Amazon keeps valid for 30 seconds only (Amazon Pay report download guide). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportDocument(String reportDocumentId, String url, String compressionAlgorithm) {

    /** The URL without its query string: pre-signed URLs carry credentials that must never be logged. */
    public String redactedUrl() {
        int query = url == null ? -1 : url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?<redacted>";
    }
}
