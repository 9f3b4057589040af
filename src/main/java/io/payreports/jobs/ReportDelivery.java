package io.payreports.jobs;

import io.payreports.reports.ParsedRow;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.sinks.Encoding;
import io.payreports.sinks.RecordSpool;
import io.payreports.sinks.RejectedRows;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One report on its way to every sink of the job. The records are spooled first; then each sink
 * takes the whole spool, with its own retries, or dead-letters it. The report counts as delivered
 * only when every sink has done one or the other.
 */
final class ReportDelivery<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

    private final ReportContext report;
    private final RecordLayout<T> layout;
    private final List<String> sinks;
    private final RecordSpool spool;
    private final ProgressLog reading;
    private final long started = System.nanoTime();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Map<String, Long> deadLettered = new ConcurrentHashMap<>();
    private final RejectedRows rejected;
    private final List<Path> rendered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private List<String> rejectedFiles = List.of();
    private AutoCloseable rows;

    ReportDelivery(
            ReportContext report,
            RecordLayout<T> layout,
            List<String> sinks,
            RecordSpool spool,
            RejectedRows rejected) {
        this.report = report;
        this.layout = layout;
        this.sinks = sinks;
        this.spool = spool;
        this.reading = new ProgressLog(report, "read");
        this.rejected = rejected;
    }

    ReportContext report() {
        return report;
    }

    RecordLayout<T> layout() {
        return layout;
    }

    RecordSpool spool() {
        return spool;
    }

    /** The row source being read, closed with the delivery. */
    void readingFrom(AutoCloseable rows) {
        this.rows = rows;
    }

    void write(T record) throws IOException {
        spool.append(layout.values(record));
        reading.advanced(spool.count());
    }

    void rejected(ParsedRow.Failed<?> row) throws IOException {
        rejected.add(row);
    }

    long records() {
        return spool.count();
    }

    /** Since the delivery opened, on the monotonic clock. */
    java.time.Duration elapsed() {
        return java.time.Duration.ofNanos(System.nanoTime() - started);
    }

    long rejectedRows() {
        return rejected.count();
    }

    /** Ends reading, publishing the dead letters of the rejected rows; returns the sinks that are to take the report. */
    List<String> readToEnd() throws IOException {
        spool.finish();
        rejectedFiles = rejected.finish().stream().map(Path::toString).toList();
        return sinks;
    }

    /** The dead-letter files of the rejected rows, once read to the end. */
    List<String> rejectedFiles() {
        return rejectedFiles;
    }

    /**
     * The records encoded into a new file of {@code directory}, streamed from the spool, for a sink whose
     * endpoint takes a file (camel-file, camel-ftp, camel-aws2-s3); deleted when the delivery closes.
     */
    Path render(Encoding encoding, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "report-", ".spool");
        rendered.add(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                Encoding.Output encoded = encoding.open(out, layout.columns());
                RecordSpool.Reader records = spool.read()) {
            for (Object[] record = records.next(); record != null; record = records.next()) {
                encoded.write(record);
            }
            encoded.finish();
        }
        return file;
    }

    void delivered(String sink, long count) {
        delivered.put(sink, count);
        deadLettered.remove(sink);
    }

    void deadLettered(String sink, long count) {
        deadLettered.put(sink, count);
    }

    Map<String, Long> deliveredBySink() {
        return Map.copyOf(delivered);
    }

    Map<String, Long> deadLetteredBySink() {
        return Map.copyOf(deadLettered);
    }

    /** Every sink took the report or dead-lettered it. */
    boolean settled() {
        return sinks.stream().allMatch(sink -> delivered.containsKey(sink) || deadLettered.containsKey(sink));
    }

    void logOutcome() {
        LOG.info(
                "report {}: {} records delivered to {}, dead-lettered by {}, {} rows rejected, {} ms",
                report.reportId(),
                records(),
                delivered.keySet(),
                deadLettered.keySet(),
                rejected.count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        if (!settled()) {
            LOG.warn(
                    "report {}: not delivered to every sink; it stays undelivered and will be delivered again",
                    report.reportId());
        }
        rejected.close();
        try {
            for (Path file : rendered) {
                Files.deleteIfExists(file);
            }
            spool.close();
        } catch (IOException e) {
            LOG.warn("report {}: could not delete its spool file: {}", report.reportId(), e.toString());
        }
        if (rows != null) {
            try {
                rows.close();
            } catch (Exception e) {
                LOG.debug("closing the rows of report {} failed", report.reportId(), e);
            }
        }
    }
}
