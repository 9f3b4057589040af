package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress lines for one long step of a report (reading it, or one sink writing it), so that a
 * large report never leaves the log silent: a line every {@value #EVERY_RECORDS} records or every
 * 10 seconds, whichever comes first, naming the job, the report, the step and the records so far.
 */
final class ProgressLog {

    static final long EVERY_RECORDS = 100_000;
    private static final long EVERY_NANOS = 10_000_000_000L;
    /** Reading the clock for every record would cost more than the record; every 1,024 is often enough. */
    private static final long CLOCK_MASK = 1023;

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final ReportContext report;
    private final String step;
    private final long started = System.nanoTime();
    private long lastLine = started;

    /**
     * @param step what is being done, in the words of the line: {@code read} or {@code written to sink pg}
     */
    ProgressLog(ReportContext report, String step) {
        this.report = report;
        this.step = step;
    }

    /** Called after each record with the count so far; logs a line when one is due. */
    void advanced(long count) {
        if (count % EVERY_RECORDS == 0 || ((count & CLOCK_MASK) == 0 && System.nanoTime() - lastLine >= EVERY_NANOS)) {
            long now = System.nanoTime();
            lastLine = now;
            LOG.info(
                    "job {}: report {}: {} records {} so far ({} records/s)",
                    report.stateKey(),
                    report.reportId(),
                    count,
                    step,
                    Math.round(count / Math.max((now - started) / 1e9, 1e-3)));
        }
    }
}
