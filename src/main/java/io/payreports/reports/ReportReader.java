package io.payreports.reports;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.CamelContext;

/**
 * Streams one part of an Amazon flat-file report into records of its {@link ReportModel}, one row in
 * memory at a time. FastCSV tokenizes; the model's binder binds (see {@link ReportModel#binder}).
 * <p>
 * What real files look like, and what this reader takes (each has a fixture under
 * {@code src/test/resources/reports/}):
 * <ul>
 * <li>title lines and a key/value header block above the column line (the settlement report's
 *     {@code SellerId,SettlementStartDate,SettlementEndDate} and a line of values, or one
 *     {@code Key,Value} pair per line); the column line is the first line naming three of the model's
 *     columns, within the first {@value #MAX_PREAMBLE_RECORDS} records;</li>
 * <li>columns matched by name in any order: unknown ones are kept per record, missing optional ones are
 *     null, a missing required one fails every row naming the column;</li>
 * <li>comma, tab or semicolon separated; every field quoted or none; quoted commas, quotes and line
 *     breaks; CRLF or LF; blank lines; a trailing separator on the column line but not on the rows, or
 *     the reverse;</li>
 * <li>the charset from a byte order mark, else {@link ReadOptions#charset()}; bytes invalid in it reject
 *     the document rather than being replaced;</li>
 * <li>amounts in {@link ReadOptions#amounts()} notation; timestamps as {@link AmazonTimestampFormat} reads
 *     them, with the written text kept;</li>
 * <li>an empty part or one with only a column line gives no rows.</li>
 * </ul>
 * A bad row becomes a {@link ParsedRow.Failed} and the rows after it keep coming. A record longer than
 * {@link ReportLimits#maxLineLength()} and undecodable text throw {@link DocumentRejectedException} (wrapped
 * in {@link UncheckedIOException}, as iterators cannot throw checked exceptions), as do I/O errors.
 */
public final class ReportReader<T extends ReportRecord> implements Iterator<ParsedRow<T>>, Closeable {

    /** Title lines and header block together are a handful of lines; a column line further down is not one. */
    static final int MAX_PREAMBLE_RECORDS = 50;

    private final ReportModel<T> model;
    private final String reportId;
    private final long lineOffset;
    private final ReadOptions options;
    private final RowBinder<T> binder;
    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    /** Rows decided while reading the preamble, delivered before the body. */
    private final Deque<ParsedRow<T>> pending = new ArrayDeque<>();

    private final List<Integer> amountPositions;
    private final List<Integer> timestampPositions;

    private ReportHeader header = ReportHeader.ABSENT;
    private boolean exhausted;
    /** Non-null when the column line lacks a required column: no row can be bound. */
    private String columnMismatch;
    /** Where each of the model's columns sits in the file's rows; -1 when absent. */
    private int[] fileIndexOf;
    /** Named columns of the file, not counting empty names after a trailing separator. */
    private int namedColumns;
    /** The file's columns the model does not know, by position. */
    private final Map<Integer, String> extraColumnNames = new LinkedHashMap<>();

    private ParsedRow<T> next;
    private long lastLineNumber;

    /**
     * Reads up to the column line, so {@link #header()} is known before the first row.
     *
     * @param lineOffset   added to line numbers: the lines of earlier parts of the same document
     * @param camelContext used by Bindy for a model the compiled binder does not cover
     */
    public ReportReader(
            ReportModel<T> model,
            InputStream part,
            String reportId,
            long lineOffset,
            ReadOptions options,
            CamelContext camelContext)
            throws IOException {
        this(model, part, reportId, lineOffset, options, model.binder(() -> camelContext));
    }

    ReportReader(
            ReportModel<T> model,
            InputStream part,
            String reportId,
            long lineOffset,
            ReadOptions options,
            RowBinder<T> binder)
            throws IOException {
        this.model = model;
        this.reportId = reportId;
        this.lineOffset = lineOffset;
        this.options = options;
        this.binder = binder;
        this.amountPositions = model.positionsOf(BigDecimal.class);
        this.timestampPositions = model.positionsOf(Instant.class);
        BufferedReader text = ReportText.decode(part, options.charset());
        char separator;
        try {
            separator = ReportText.separator(text, model.csvColumns().get(0));
        } catch (CharacterCodingException e) {
            throw undecodable(e);
        }
        this.csv = CsvReader.builder()
                .fieldSeparator(separator)
                // header block, title lines and body have different field counts: checked per row below
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(
                        CsvRecordHandler.builder()
                                .maxFieldSize(options.limits().maxLineLength())
                                .maxRecordSize(options.limits().maxLineLength())
                                .build(),
                        text);
        this.records = csv.iterator();
        readPreamble();
    }

    /** The header block's values; {@link ReportHeader#ABSENT} if the file has none. */
    public ReportHeader header() {
        return header;
    }

    /** The last physical line number handed out, counting earlier parts: the next part starts after it. */
    public long lastLineNumber() {
        return lineOffset + lastLineNumber;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public ParsedRow<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRow<T> row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private void readPreamble() {
        int seen = 0;
        CsvRecord firstOther = null;
        for (CsvRecord line = nextNonBlank(); line != null; line = nextNonBlank()) {
            if (++seen > MAX_PREAMBLE_RECORDS) {
                break;
            }
            if (isColumnLine(line)) {
                checkColumns(line);
                return;
            }
            if (namesHeaderKeys(line)) {
                readHeaderValues(line, nextNonBlank());
            } else if (!readKeyValue(line) && firstOther == null) {
                firstOther = line; // a title line, or the first row of a file without column line
            }
        }
        exhausted = true;
        if (seen > 0 && pending.isEmpty()) {
            pending.add(failed(
                    firstOther == null ? lastLineNumber : firstOther.getStartingLineNumber(),
                    "no column line naming " + String.join(", ", model.csvColumns()) + " in the first "
                            + MAX_PREAMBLE_RECORDS + " lines; is this a " + model.name() + " report?",
                    firstOther == null ? List.of() : firstOther.getFields()));
        }
        // seen == 0: an empty document is an empty report
    }

    /**
     * The column line names at least three of the model's columns (title lines and header blocks name none);
     * it may still lack a required one, which is then reported by name.
     */
    private boolean isColumnLine(CsvRecord line) {
        List<String> names = normalized(line.getFields());
        long known = model.csvColumns().stream()
                .filter(column -> names.contains(column.toLowerCase(Locale.ROOT)))
                .count();
        return known >= Math.min(3, model.csvColumns().size());
    }

    private boolean namesHeaderKeys(CsvRecord line) {
        List<String> cells = normalized(line.getFields()).stream()
                .filter(cell -> !cell.isEmpty())
                .toList();
        return !cells.isEmpty() && cells.stream().allMatch(cell -> headerKey(cell) != null);
    }

    private ReportModel.HeaderField headerKey(String cell) {
        String name = cell.endsWith(":") ? cell.substring(0, cell.length() - 1).trim() : cell;
        return model.headerFields().stream()
                .filter(field -> field.key().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
    }

    private void readHeaderValues(CsvRecord names, CsvRecord values) {
        if (values == null) {
            return; // the missing column line is reported next
        }
        Map<String, Object> read = new HashMap<>(header.values());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.getFieldCount() && i < values.getFieldCount(); i++) {
            ReportModel.HeaderField field = headerKey(names.getField(i).trim());
            if (field != null) {
                headerValue(field, values.getField(i).trim(), read, problems);
            }
        }
        keepHeader(read, problems, values);
    }

    /** {@code SellerId,A1XX} or {@code SellerId: A1XX} on a line of its own; false if the line is not one. */
    private boolean readKeyValue(CsvRecord line) {
        String key;
        String value;
        if (line.getFieldCount() >= 2) {
            key = line.getField(0).trim();
            value = line.getField(1).trim();
        } else {
            String cell = line.getField(0);
            int colon = cell.indexOf(':');
            if (colon < 0) {
                return false;
            }
            key = cell.substring(0, colon + 1).trim();
            value = cell.substring(colon + 1).trim();
        }
        ReportModel.HeaderField field = headerKey(key);
        if (field != null) {
            Map<String, Object> read = new HashMap<>(header.values());
            List<String> problems = new ArrayList<>();
            headerValue(field, value, read, problems);
            keepHeader(read, problems, line);
        }
        return field != null;
    }

    private static void headerValue(
            ReportModel.HeaderField field, String value, Map<String, Object> read, List<String> problems) {
        if (value.isEmpty()) {
            return;
        }
        try {
            read.put(
                    field.key(),
                    field.type() == RecordLayout.ColumnType.TIMESTAMP
                            ? new AmazonTimestampFormat().parse(value)
                            : value);
        } catch (IllegalArgumentException e) {
            problems.add(field.key() + ": " + e.getMessage());
        }
    }

    private void keepHeader(Map<String, Object> read, List<String> problems, CsvRecord line) {
        header = new ReportHeader(read);
        if (!problems.isEmpty()) {
            pending.add(failed(line.getStartingLineNumber(), String.join("; ", problems), line.getFields()));
        }
    }

    /**
     * Maps the model's columns to the file's by name, so that files whose columns come in another order,
     * lack an optional column or carry extra ones still bind. A missing required column fails every row.
     */
    private void checkColumns(CsvRecord columnLine) {
        List<String> found = normalized(columnLine.getFields());
        namedColumns = found.size();
        while (namedColumns > 0 && found.get(namedColumns - 1).isEmpty()) {
            namedColumns--;
        }
        List<String> expected = model.csvColumns();
        fileIndexOf = new int[expected.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            fileIndexOf[i] =
                    found.subList(0, namedColumns).indexOf(expected.get(i).toLowerCase(Locale.ROOT));
            if (fileIndexOf[i] < 0 && model.isRequired(expected.get(i))) {
                missing.add(expected.get(i));
            }
        }
        for (int i = 0; i < namedColumns; i++) {
            if (!found.get(i).isEmpty() && indexOf(fileIndexOf, i) < 0) {
                extraColumnNames.put(i, columnLine.getField(i).trim());
            }
        }
        if (!missing.isEmpty()) {
            columnMismatch = "column line at line " + (lineOffset + columnLine.getStartingLineNumber())
                    + " lacks required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing);
            pending.add(failed(columnLine.getStartingLineNumber(), columnMismatch, columnLine.getFields()));
        }
    }

    private ParsedRow<T> advance() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        if (exhausted) {
            return null;
        }
        CsvRecord row = nextNonBlank();
        if (row == null) {
            return pending.poll(); // the failure of unreadable CSV, if that is why the rows ended
        }
        long lineNumber = row.getStartingLineNumber();
        if (columnMismatch != null) {
            return failed(lineNumber, "not bound: " + columnMismatch, row.getFields());
        }
        if (!fieldCountFits(row)) {
            return failed(
                    lineNumber, "expected " + namedColumns + " fields, found " + row.getFieldCount(), row.getFields());
        }
        String refused = columnWithRefusedText(row);
        if (refused != null) {
            return failed(lineNumber, StorableText.reason(refused), row.getFields());
        }
        Map<String, String> raw = new HashMap<>(4);
        List<String> fields = new ArrayList<>(fileIndexOf.length);
        for (int index : fileIndexOf) {
            fields.add(index < 0 ? "" : row.getField(index));
        }
        try {
            for (int position : amountPositions) {
                fields.set(position, plainAmount(position, fields.get(position)));
            }
            for (int position : timestampPositions) {
                if (!fields.get(position).isBlank()) {
                    raw.put(
                            model.csvColumns().get(position),
                            fields.get(position).trim());
                }
            }
            T record = binder.bind(fields, lineOffset + lineNumber);
            record.locate(reportId, lineOffset + lineNumber, header, raw, extraColumns(row));
            return new ParsedRow.Bound<>(lineOffset + lineNumber, record);
        } catch (RowRejectedException e) {
            return failed(lineNumber, e.getMessage(), row.getFields());
        }
    }

    /** As many fields as named columns, give or take empty ones from a trailing separator. */
    private boolean fieldCountFits(CsvRecord row) {
        int count = row.getFieldCount();
        if (count == namedColumns) {
            return true;
        }
        if (count < namedColumns) {
            return false;
        }
        for (int i = namedColumns; i < count; i++) {
            if (!row.getField(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private String plainAmount(int position, String text) throws RowRejectedException {
        if (text.isBlank()) {
            return text;
        }
        try {
            return options.amounts().plain(text);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(model.csvColumns().get(position) + ": " + e.getMessage());
        }
    }

    /** The column of the first field no sink can store (a NUL character), or null. */
    private String columnWithRefusedText(CsvRecord row) {
        for (int i = 0; i < row.getFieldCount(); i++) {
            if (StorableText.refused(row.getField(i))) {
                int position = indexOf(fileIndexOf, i);
                return position >= 0
                        ? model.csvColumns().get(position)
                        : extraColumnNames.getOrDefault(i, "column " + (i + 1));
            }
        }
        return null;
    }

    private Map<String, String> extraColumns(CsvRecord row) {
        if (extraColumnNames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extraColumnNames.forEach((index, name) -> extra.put(name, row.getField(index)));
        return extra;
    }

    /**
     * Next record with any non-blank field. Broken CSV (an unterminated quote) ends the part with one
     * failure; a record over the line length limit rejects the document, as nothing after it can be trusted.
     */
    private CsvRecord nextNonBlank() {
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                lastLineNumber = record.getStartingLineNumber();
                if (!isBlank(record)) {
                    return record;
                }
            }
            return null;
        } catch (CsvParseException e) {
            if (exceedsSizeLimit(e)) {
                throw new UncheckedIOException(
                        new DocumentRejectedException("report " + reportId + ": a record after line "
                                + (lineOffset + lastLineNumber) + " is longer than payreports.reports.max-line-length ("
                                + options.limits().maxLineLength() + " characters)"));
            }
            exhausted = true;
            pending.add(failed(lastLineNumber + 1, "unreadable CSV from here on: " + oneLine(e), List.of()));
            return null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw new UncheckedIOException(undecodable(coding));
            }
            if (e.getCause() instanceof DocumentRejectedException rejected) {
                throw rejected.in(reportId, where());
            }
            throw e;
        }
    }

    /** Every field blank; a loop, as this runs for every row. */
    private static boolean isBlank(CsvRecord record) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** FastCSV says so in words only: "... exceeds the max record size of N characters" and the like. */
    private static boolean exceedsSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("exceeds the max") || message.contains("buffer size")) {
                return true;
            }
        }
        return false;
    }

    /** Where reading stopped, for messages about the document as a whole. */
    private String where() {
        return lastLineNumber == 0 ? "in its first lines" : "after line " + (lineOffset + lastLineNumber);
    }

    private DocumentRejectedException undecodable(CharacterCodingException e) {
        return new DocumentRejectedException(
                "report " + reportId + " is not " + options.charset().name() + " text " + where()
                        + "; set the job's charset (e.g. windows-1252, ISO-8859-1, Shift_JIS)",
                e);
    }

    private ParsedRow.Failed<T> failed(long lineNumber, String reason, List<String> fields) {
        return new ParsedRow.Failed<>(lineOffset + lineNumber, reason, rawLine(fields));
    }

    private static List<String> normalized(List<String> cells) {
        return cells.stream().map(cell -> cell.trim().toLowerCase(Locale.ROOT)).toList();
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String oneLine(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString().replaceAll("\\s+", " ");
    }

    /** The row as Amazon writes it, every field quoted; FastCSV does not keep the original text. */
    static String rawLine(List<String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder()
                .quoteStrategy(QuoteStrategies.ALWAYS)
                .lineDelimiter(LineDelimiter.LF)
                .build(out)) {
            writer.writeRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a StringWriter
        }
        String line = out.toString();
        return line.substring(0, line.length() - 1);
    }
}
