package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;

/** A destination for typed records. One {@link ReportWriter} per report delivery. */
public interface RecordSink {

    /** Name shown in run summaries and logs, e.g. {@code file} or {@code jdbc}. */
    String name();

    /** Starts delivering one report. Nothing is visible to consumers until {@link ReportWriter#commit()}. */
    <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) throws Exception;
}
