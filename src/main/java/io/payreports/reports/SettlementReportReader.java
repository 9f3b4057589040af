package io.payreports.reports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import org.apache.camel.CamelContext;

/**
 * Streams an Amazon Pay settlement report file into {@link SettlementRecord}s, one row in memory at a time.
 * <p>
 * The file, as Amazon Pay serves it (seed 003): a header block ({@code SellerId,SettlementStartDate,SettlementEndDate}
 * and a line of values), optionally blank lines, the column line starting {@code TransactionPostedDate}, then one
 * row per transaction. UTF-8 with or without BOM, CRLF or LF, fields quoted or not, quoted fields may hold
 * commas, quotes and line breaks. FastCSV tokenizes, Bindy binds. A bad row becomes a {@link ParsedRow.Failed}
 * and the rows after it keep coming; I/O errors are not row problems and surface as {@link UncheckedIOException}.
 * <p>
 * The constructor reads up to the column line, so {@link #header()} is known before the first row.
 */
public final class SettlementReportReader implements Iterator<ParsedRow<SettlementRecord>>, Closeable {

    public static final String REPORT_TYPE = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";

    private static final String HEADER_BLOCK_FIRST_CELL = "SellerId";

    private final String reportId;
    private final BindyRowBinder<SettlementRecord> binder;
    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    /** Rows decided while reading the preamble, delivered before the body; at most two. */
    private final Deque<ParsedRow<SettlementRecord>> pending = new ArrayDeque<>();

    private SettlementReportHeader header = SettlementReportHeader.ABSENT;
    /** Set when the file cannot be read further (no column line, broken CSV); rows stop there. */
    private boolean exhausted;
    /** Non-null when the column line lacks a required column: no row can be bound. */
    private String columnMismatch;
    /** Where each of our columns sits in the file's rows, from the column line; -1 when absent. */
    private int[] fileIndexOf;
    private int fileColumns;
    private ParsedRow<SettlementRecord> next;
    /** Where the last record started: an unreadable record begins after it (or after blank lines following it). */
    private long lastLineNumber;

    /**
     * @param camelContext used by Bindy while binding; one per application is enough
     */
    public SettlementReportReader(InputStream in, String reportId, CamelContext camelContext) {
        this.reportId = reportId;
        this.binder = new BindyRowBinder<>(SettlementRecord.class, camelContext);
        this.csv = CsvReader.builder()
                .detectBomHeader(true)
                // The header block has 3 fields and the body 15: field counts are checked per row by the binder.
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        this.records = csv.iterator();
        readPreamble();
    }

    /** Seller and settlement period from the header block; all null if the file has none. */
    public SettlementReportHeader header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public ParsedRow<SettlementRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRow<SettlementRecord> row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /**
     * Amazon's layout allows only the header block and blank lines above the column line, so the first other
     * line decides: it is the column line or the file is not a settlement report. This keeps the look-ahead bounded.
     */
    private void readPreamble() {
        CsvRecord line = nextNonBlank();
        if (line != null && HEADER_BLOCK_FIRST_CELL.equalsIgnoreCase(firstCell(line))) {
            readHeaderValues(line, nextNonBlank());
            line = nextNonBlank();
        }
        if (line == null || !"TransactionPostedDate".equalsIgnoreCase(firstCell(line))) {
            long lineNumber = line == null ? 1 : line.getStartingLineNumber();
            pending.add(new ParsedRow.Failed<>(lineNumber, "no column header line found",
                    line == null ? "" : rawLine(line.getFields())));
            exhausted = true;
            return;
        }
        checkColumns(line);
    }

    private void readHeaderValues(CsvRecord names, CsvRecord values) {
        if (values == null) {
            return; // the missing column line is reported next
        }
        String sellerId = null;
        Instant start = null;
        Instant end = null;
        StringBuilder problems = new StringBuilder();
        AmazonTimestampFormat timestamps = new AmazonTimestampFormat();
        for (int i = 0; i < names.getFieldCount() && i < values.getFieldCount(); i++) {
            String name = names.getField(i).trim();
            String value = values.getField(i).trim();
            try {
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "sellerid" -> sellerId = value.isEmpty() ? null : value;
                    case "settlementstartdate" -> start = value.isEmpty() ? null : timestamps.parse(value);
                    case "settlementenddate" -> end = value.isEmpty() ? null : timestamps.parse(value);
                    default -> { } // a column Amazon may add later does not make the report unreadable
                }
            } catch (IllegalArgumentException e) {
                problems.append(problems.length() == 0 ? "" : "; ").append(name).append(": ").append(e.getMessage());
            }
        }
        header = new SettlementReportHeader(sellerId, start, end);
        if (problems.length() > 0) {
            pending.add(new ParsedRow.Failed<>(values.getStartingLineNumber(), problems.toString(),
                    rawLine(values.getFields())));
        }
    }

    /**
     * Maps our columns to the file's by name, so that files whose columns come in another order, or
     * that lack an optional column, still bind. A missing required column makes every row fail, naming it.
     */
    private void checkColumns(CsvRecord columnLine) {
        List<String> expected = binder.columnNames();
        List<String> found = columnLine.getFields().stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
        fileColumns = found.size();
        fileIndexOf = new int[expected.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            fileIndexOf[i] = found.indexOf(expected.get(i).toLowerCase(Locale.ROOT));
            if (fileIndexOf[i] < 0 && binder.isRequired(expected.get(i))) {
                missing.add(expected.get(i));
            }
        }
        if (!missing.isEmpty()) {
            columnMismatch = "column line at line " + columnLine.getStartingLineNumber() + " lacks required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing);
            pending.add(new ParsedRow.Failed<>(columnLine.getStartingLineNumber(), columnMismatch, rawLine(columnLine.getFields())));
        }
    }

    /** The row's fields in our column order; absent optional columns are empty. */
    private List<String> inOurOrder(List<String> fields) {
        List<String> ordered = new ArrayList<>(fileIndexOf.length);
        for (int index : fileIndexOf) {
            ordered.add(index < 0 ? "" : fields.get(index));
        }
        return ordered;
    }

    private ParsedRow<SettlementRecord> advance() {
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
            return new ParsedRow.Failed<>(lineNumber, "not bound: " + columnMismatch, rawLine(row.getFields()));
        }
        if (row.getFieldCount() != fileColumns) {
            return new ParsedRow.Failed<>(lineNumber, "expected " + fileColumns + " fields, found " + row.getFieldCount(), rawLine(row.getFields()));
        }
        try {
            List<String> fields = inOurOrder(row.getFields());
            SettlementRecord record = binder.bind(fields, lineNumber);
            record.locate(reportId, lineNumber, fields.get(0).trim(), header);
            return new ParsedRow.Bound<>(lineNumber, record);
        } catch (RowRejectedException e) {
            return new ParsedRow.Failed<>(lineNumber, e.getMessage(), rawLine(row.getFields()));
        }
    }

    /** Next record with any non-blank field; broken CSV (an unterminated quote) ends the file with one failure. */
    private CsvRecord nextNonBlank() {
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                lastLineNumber = record.getStartingLineNumber();
                if (record.getFields().stream().anyMatch(field -> !field.isBlank())) {
                    return record;
                }
            }
            return null;
        } catch (CsvParseException e) {
            exhausted = true;
            pending.add(new ParsedRow.Failed<>(lastLineNumber + 1, "unreadable CSV from here on: " + oneLine(e), ""));
            return null;
        }
    }

    private static String firstCell(CsvRecord record) {
        return record.getField(0).trim();
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
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS)
                .lineDelimiter(LineDelimiter.LF).build(out)) {
            writer.writeRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a StringWriter
        }
        String line = out.toString();
        return line.substring(0, line.length() - 1);
    }
}
