package io.payreports.reports;

import java.time.Instant;

/**
 * The report a batch of records came from: carried beside every record so that sinks can name
 * files, dead letters can say where a bad row came from, and state can mark the report delivered.
 */
public record ReportContext(String jobId, String reportId, String reportType, Instant dataStart, Instant dataEnd) {

    /** Exchange property under which routes carry the report being delivered. */
    public static final String PROPERTY = "payreportsReport";
    /** Exchange property: the {@link java.nio.charset.Charset} the document's Content-Type declared; absent when it declared none. */
    public static final String DOCUMENT_CHARSET = "payreportsDocumentCharset";
}
