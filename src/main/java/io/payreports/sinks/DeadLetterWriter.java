package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.RecordLayout.Column;
import io.payreports.reports.RecordLayout.ColumnType;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Writes dead letters under {@code <outDir>/dead-letter/<jobId>/}, another account's than the default account's
 * under {@code <outDir>/dead-letter/<account>/<jobId>/} ({@link AccountFolders}). Files appear complete or not at
 * all (written aside, then renamed).
 * <p>
 * A report or run that failed as a whole is one JSON file, {@code <failedAt>_<reportId>_<line>_<sequence>.json},
 * so that a listing sorts by time and two failures of one report both stay.
 * <p>
 * The rows of a report that do not parse go to a few files per report, capped in size
 * ({@link #rejectedRows}, {@link RejectedRows}).
 * <p>
 * The records of a report that a sink could not take go to one JSON Lines file,
 * {@code <failedAt>_<reportId>_<sink>.jsonl}: a line per record with the dead letter's fields and
 * the record itself under {@code record}, so that a report of a million rows is one file, and
 * counting its lines counts the records.
 */
public final class DeadLetterWriter implements RecordDeadLetters {

    private static final JsonFactory JSON = new JsonFactory();
    /** The key of {@code maxRowsPerFile}: rows shown in one file of rejected rows. */
    public static final String MAX_ROWS_KEY = "payreports.dead-letter.max-rows-per-file";

    public static final int DEFAULT_MAX_ROWS = 1000;

    private static final JsonFactory JSON_LINES =
            new JsonFactoryBuilder().rootValueSeparator((String) null).build();
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Room for the id in a file name: file systems allow 255 bytes, the time, line and sink take the rest. */
    private static final int MAX_NAME_PART = 100;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_PART + "}");

    private final Path directory;
    private final Clock clock;
    private final int maxRowsPerFile;
    private final AtomicLong sequence = new AtomicLong();

    public DeadLetterWriter(Path outDir, Clock clock) {
        this(outDir, clock, DEFAULT_MAX_ROWS);
    }

    /** @param maxRowsPerFile rows shown in one file of rejected rows; the rest are counted */
    public DeadLetterWriter(Path outDir, Clock clock, int maxRowsPerFile) {
        if (maxRowsPerFile < 1) {
            throw new IllegalArgumentException(MAX_ROWS_KEY + " must be at least 1, not " + maxRowsPerFile);
        }
        this.directory = directory(outDir);
        this.clock = clock;
        this.maxRowsPerFile = maxRowsPerFile;
    }

    /** The folder dead letters go to under {@code outDir}. */
    public static Path directory(Path outDir) {
        return outDir.resolve("dead-letter");
    }

    /** The folder of one job's dead letters under {@code outDir}. */
    public static Path jobDirectory(Path outDir, String account, String jobId) {
        return jobDirectoryIn(directory(outDir), account, jobId);
    }

    private static Path jobDirectoryIn(Path deadLetters, String account, String jobId) {
        return AccountFolders.of(deadLetters, account).resolve(fileNamePart(jobId));
    }

    /** Writes the dead letter and returns its file. */
    public Path write(DeadLetter letter) throws IOException {
        Path jobDirectory = Files.createDirectories(jobDirectoryIn(directory, letter.account(), letter.jobId()));
        PartFile file = PartFile.create(jobDirectory.resolve(fileName(letter)));
        try {
            try (JsonGenerator json = JSON.createGenerator(file.output()).useDefaultPrettyPrinter()) {
                writeFields(json, letter, true);
                json.writeEndObject();
                json.flush();
                file.sync();
            }
            file.publish();
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
        return file.target();
    }

    /** Where the rows of {@code report} that do not parse go while it is read; the caller finishes or closes it. */
    public RejectedRows rejectedRows(ReportContext report) {
        return new RejectedRows(
                report, jobDirectoryIn(directory, report.account(), report.jobId()), maxRowsPerFile, clock);
    }

    @Override
    public long write(ReportContext report, RecordLayout<?> layout, RecordSpool spool, String sink, Throwable cause)
            throws IOException {
        DeadLetter letter = DeadLetter.of(report, null, cause, sink, null, clock.instant());
        Path jobDirectory = Files.createDirectories(jobDirectoryIn(directory, letter.account(), letter.jobId()));
        PartFile file = PartFile.create(jobDirectory.resolve(String.format(
                "%s_%s_%s.jsonl",
                FILE_TIME.format(letter.failedAt()), fileNamePart(report.reportId()), fileNamePart(sink))));
        int lineColumn = layout.columns().indexOf(new Column("lineNumber", ColumnType.BIGINT));
        long count = 0;
        try {
            try (JsonGenerator json = jsonLines(file);
                    RecordSpool.Reader records = spool.read()) {
                for (Object[] record = records.next(); record != null; record = records.next()) {
                    Long line = lineColumn < 0 ? null : (Long) record[lineColumn];
                    writeFields(
                            json,
                            new DeadLetter(
                                    letter.jobId(),
                                    letter.account(),
                                    letter.reportId(),
                                    letter.reportType(),
                                    line,
                                    letter.reason(),
                                    letter.exceptionClass(),
                                    letter.failedAt(),
                                    sink,
                                    null),
                            false);
                    json.writeFieldName("record");
                    JsonLinesEncoder.writeObject(json, layout.columns(), record);
                    json.writeEndObject();
                    json.writeRaw('\n');
                    count++;
                }
                json.flush();
                file.sync();
            }
            file.publish();
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
        return count;
    }

    private String fileName(DeadLetter letter) {
        String report = fileNamePart(letter.reportId());
        String line = letter.lineNumber() == null ? "report" : String.format("L%010d", letter.lineNumber());
        return String.format(
                "%s_%s_%s_%06d.json", FILE_TIME.format(letter.failedAt()), report, line, sequence.incrementAndGet());
    }

    /** A generator of one JSON object per line into the file. */
    static JsonGenerator jsonLines(PartFile file) throws IOException {
        return JSON_LINES.createGenerator(file.output());
    }

    /** Starts the object and writes the letter's fields; the caller ends the object. */
    static void writeFields(JsonGenerator json, DeadLetter letter, boolean withPayload) throws IOException {
        json.writeStartObject();
        json.writeStringField("jobId", letter.jobId());
        json.writeStringField("account", letter.account());
        json.writeStringField("reportId", letter.reportId());
        json.writeStringField("reportType", letter.reportType());
        json.writeFieldName("lineNumber");
        if (letter.lineNumber() == null) {
            json.writeNull();
        } else {
            json.writeNumber(letter.lineNumber());
        }
        json.writeStringField("reason", letter.reason());
        json.writeStringField("exceptionClass", letter.exceptionClass());
        json.writeStringField("failedAt", letter.failedAt().toString());
        json.writeStringField("sink", letter.sink());
        if (withPayload) {
            json.writeStringField("payload", letter.payload());
        }
    }

    /**
     * Ids from Amazon are alphanumeric and kept as they are. Anything else (a slash, a NUL, more than
     * {@value #MAX_NAME_PART} characters) is flattened so it cannot leave the directory or overflow a file
     * name, and marked with a short hash of the whole id: {@code abc/def} and {@code abc\0def} flatten
     * alike but must not share a dead-letter file.
     */
    static String fileNamePart(String id) {
        if (id == null || id.isEmpty()) {
            return "unknown";
        }
        if (SAFE_NAME.matcher(id).matches() && !id.startsWith(".")) {
            return id;
        }
        String flat = id.substring(0, Math.min(id.length(), MAX_NAME_PART)).replaceAll("[^A-Za-z0-9._-]", "_");
        return (flat.startsWith(".") ? "_" + flat : flat) + "~" + shortHash(id);
    }

    /** The first 6 bytes of the id's SHA-256, in hex. */
    private static String shortHash(String id) {
        return DigestUtils.sha256Hex(id).substring(0, 12);
    }
}
