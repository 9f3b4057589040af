package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes each dead letter as its own JSON file under {@code <outDir>/dead-letter/<jobId>/}. Files
 * appear complete or not at all (written aside, then renamed).
 * <p>
 * A row that does not parse is named by its place alone, {@code <reportId>_L<line>.json}: a
 * report delivered again after a failure rejects the same rows, and must not add a second dead
 * letter for each. Every other failure is named {@code <failedAt>_<reportId>_<line>_<sequence>.json},
 * so that a listing sorts by time and two failures of one line (say, in two sinks) both stay.
 */
public final class DeadLetterWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final AtomicLong sequence = new AtomicLong();

    public DeadLetterWriter(Path outDir) {
        this.directory = outDir.resolve("dead-letter");
    }

    /** Writes the dead letter and returns its file. */
    public Path write(DeadLetter letter) throws IOException {
        Path jobDirectory = Files.createDirectories(directory.resolve(fileNamePart(letter.jobId())));
        PartFile file = PartFile.create(jobDirectory.resolve(fileName(letter)));
        try {
            try (JsonGenerator json = JSON.createGenerator(file.output()).useDefaultPrettyPrinter()) {
                writeFields(json, letter);
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

    private String fileName(DeadLetter letter) {
        String report = fileNamePart(letter.reportId());
        if (letter.lineNumber() != null && letter.sink() == null) {
            return String.format("%s_L%010d.json", report, letter.lineNumber());
        }
        String line = letter.lineNumber() == null ? "report" : String.format("L%010d", letter.lineNumber());
        return String.format("%s_%s_%s_%06d.json", FILE_TIME.format(letter.failedAt()), report, line, sequence.incrementAndGet());
    }

    private static void writeFields(JsonGenerator json, DeadLetter letter) throws IOException {
        json.writeStartObject();
        json.writeStringField("jobId", letter.jobId());
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
        json.writeStringField("payload", letter.payload());
        json.writeEndObject();
    }

    /** Ids from Amazon are alphanumeric; anything else is flattened so it cannot leave the directory. */
    private static String fileNamePart(String id) {
        String safe = id == null || id.isEmpty() ? "unknown" : id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.startsWith(".") ? "_" + safe : safe;
    }
}
