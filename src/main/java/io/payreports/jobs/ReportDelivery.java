package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import io.payreports.sinks.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One report on its way to every sink of the job. Records reach the consumers only when all the
 * sinks commit; closing without a commit discards what the sinks had written.
 */
final class ReportDelivery<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);
    private static final long PROGRESS_EVERY = 100_000;

    private final ReportContext report;
    private final Map<String, ReportWriter<T>> writers;
    private final long started = System.nanoTime();
    private AutoCloseable rows;
    private long records;
    private long rejected;
    private boolean committed;

    ReportDelivery(ReportContext report, Map<String, ReportWriter<T>> writers) {
        this.report = report;
        this.writers = writers;
    }

    ReportContext report() {
        return report;
    }

    /** The row source being read, closed with the delivery. */
    void readingFrom(AutoCloseable rows) {
        this.rows = rows;
    }

    void write(T record) throws Exception {
        for (ReportWriter<T> writer : writers.values()) {
            writer.write(record);
        }
        if (++records % PROGRESS_EVERY == 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("report {}: {} records so far ({} records/s)", report.reportId(), records, Math.round(records / seconds));
        }
    }

    void rejected() {
        rejected++;
    }

    long records() {
        return records;
    }

    long rejectedRows() {
        return rejected;
    }

    /** Commits every sink; a failure in one leaves the report undelivered, to be retried whole. */
    Map<String, Long> commit() throws Exception {
        Map<String, Long> bySink = new LinkedHashMap<>();
        for (Map.Entry<String, ReportWriter<T>> writer : writers.entrySet()) {
            writer.getValue().commit();
            bySink.put(writer.getKey(), writer.getValue().count());
        }
        committed = true;
        LOG.info("report {}: {} records delivered to {}, {} rows dead-lettered, {} ms", report.reportId(), records,
                String.join(", ", writers.keySet()), rejected, (System.nanoTime() - started) / 1_000_000);
        return bySink;
    }

    @Override
    public void close() {
        if (!committed) {
            LOG.warn("report {}: not delivered, discarding what the sinks had received", report.reportId());
        }
        writers.values().forEach(ReportWriter::close);
        if (rows != null) {
            try {
                rows.close();
            } catch (Exception e) {
                LOG.debug("closing the rows of report {} failed", report.reportId(), e);
            }
        }
    }
}
