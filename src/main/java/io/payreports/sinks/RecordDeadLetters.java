package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;

/** Where a sink's records are parked, each with the cause, when the sink stays down after its retries. */
public interface RecordDeadLetters {

    /** Writes every spooled record of the report; returns how many were written. */
    long write(ReportContext report, RecordLayout<?> layout, RecordSpool spool, String sink, Throwable cause)
            throws Exception;
}
