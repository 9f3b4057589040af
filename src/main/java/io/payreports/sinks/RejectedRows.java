package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonGenerator;
import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReportContext;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one report that could not be taken, dead-lettered while the report is read: one JSON
 * Lines file per report and reason, {@code <reportId>_rejected_<reason>.jsonl}, where the reason is what
 * the row's reason names first (a column such as {@code TransactionAmount}). Each file holds up to
 * {@code maxRowsPerFile} rows, a line each with the dead letter's fields and the raw row as payload;
 * the rows past that are counted in one last line, {@code "notShown": N}, so that 20,000 bad rows are
 * a few files of bounded size, and a problem of three rows is not buried under one of thousands.
 * <p>
 * The files are published by {@link #finish()} once the report is read, complete or not at all;
 * they are named without time, so a report read again rewrites them instead of adding more.
 */
public final class RejectedRows implements Closeable {

    /** Reasons beyond these many share one file, so that no input can make a file per row. */
    static final int MAX_REASONS = 20;

    static final String OTHER_REASONS = "other-reasons";

    private final ReportContext report;
    private final Path directory;
    private final int maxRowsPerFile;
    private final Clock clock;
    private final Map<String, ReasonFile> files = new LinkedHashMap<>();
    private long count;

    RejectedRows(ReportContext report, Path directory, int maxRowsPerFile, Clock clock) {
        this.report = report;
        this.directory = directory;
        this.maxRowsPerFile = maxRowsPerFile;
        this.clock = clock;
    }

    /** Dead-letters one row with its line and reason. */
    public void add(ParsedRow.Failed<?> row) throws IOException {
        count++;
        String reason = reasonKey(row.reason());
        if (!files.containsKey(reason) && files.size() >= MAX_REASONS - 1) {
            reason = OTHER_REASONS;
        }
        ReasonFile file = files.get(reason);
        if (file == null) {
            file = new ReasonFile(reason);
            files.put(reason, file);
        }
        file.add(new DeadLetter(
                report.jobId(),
                report.account(),
                report.reportId(),
                report.reportType(),
                row.lineNumber(),
                row.reason(),
                null,
                clock.instant(),
                null,
                row.rawLine()));
    }

    /** Rows dead-lettered so far. */
    public long count() {
        return count;
    }

    /** Publishes the files (the report is read to its end); returns them, one per reason. */
    public List<Path> finish() throws IOException {
        List<Path> published = new ArrayList<>();
        for (ReasonFile file : files.values()) {
            published.add(file.publish());
        }
        files.clear();
        return published;
    }

    /** Discards what was not published: a report that failed while being read is read again whole. */
    @Override
    public void close() {
        files.values().forEach(ReasonFile::discard);
        files.clear();
    }

    /**
     * What a reason names first: {@code TransactionAmount} of {@code TransactionAmount: not a number: 'x'},
     * else the reason itself; cut short, as it becomes part of a file name.
     */
    static String reasonKey(String reason) {
        String text = reason == null || reason.isBlank() ? "row" : reason.strip();
        int colon = text.indexOf(':');
        String first = colon > 0 ? text.substring(0, colon) : text;
        return first.length() > 40 ? first.substring(0, 40) : first;
    }

    /** The file of one reason, open while the report is read. */
    private final class ReasonFile {

        private final String reason;
        private final PartFile file;
        private final JsonGenerator json;
        private long rows;
        private Long firstNotShown;

        ReasonFile(String reason) throws IOException {
            this.reason = reason;
            this.file = PartFile.create(Files.createDirectories(directory)
                    .resolve(String.format(
                            "%s_rejected_%s.jsonl",
                            DeadLetterWriter.fileNamePart(report.reportId()), DeadLetterWriter.fileNamePart(reason))));
            this.json = DeadLetterWriter.jsonLines(file);
        }

        void add(DeadLetter letter) throws IOException {
            rows++;
            if (rows > maxRowsPerFile) {
                if (firstNotShown == null) {
                    firstNotShown = letter.lineNumber();
                }
                return;
            }
            DeadLetterWriter.writeFields(json, letter, true);
            json.writeEndObject();
            json.writeRaw('\n');
        }

        Path publish() throws IOException {
            long notShown = rows - maxRowsPerFile;
            if (notShown > 0) {
                json.writeStartObject();
                json.writeStringField("jobId", report.jobId());
                json.writeStringField("account", report.account());
                json.writeStringField("reportId", report.reportId());
                json.writeStringField("reportType", report.reportType());
                json.writeNumberField("notShown", notShown);
                json.writeNumberField("firstNotShownLine", firstNotShown);
                json.writeStringField(
                        "reason",
                        notShown + " more rows rejected for " + reason + " not shown, from line " + firstNotShown
                                + " on: " + DeadLetterWriter.MAX_ROWS_KEY + " is " + maxRowsPerFile);
                json.writeEndObject();
                json.writeRaw('\n');
            }
            json.flush();
            file.sync();
            json.close();
            file.publish();
            return file.target();
        }

        void discard() {
            try {
                json.close();
            } catch (IOException e) {
                // the part file is deleted below; what it held is read again with the report
            }
            file.discard();
        }
    }
}
