package io.payreports.sinks;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.payreports.reports.RecordLayout.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * RFC 4180 CSV (CRLF, quotes only where needed) through FastCSV. Empty strings are quoted and
 * nulls are not, so a reader can still tell a missing value from an empty one.
 */
final class CsvEncoder implements RowEncoder {

    private final CsvWriter csv;
    private final List<Column> columns;
    private final String[] row;
    private final TimestampText timestamps;

    CsvEncoder(OutputStream out, List<Column> columns) {
        this.csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.CRLF)
                .quoteStrategy(QuoteStrategies.EMPTY)
                .build(out, StandardCharsets.UTF_8);
        this.columns = columns;
        this.row = new String[columns.size()];
        this.timestamps = new TimestampText(columns.size());
        csv.writeRecord(columns.stream().map(Column::name).toList());
    }

    @Override
    public void write(Object[] values) {
        for (int i = 0; i < row.length; i++) {
            row[i] = text(i, values[i]);
        }
        csv.writeRecord(row);
    }

    private String text(int column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (columns.get(column).type()) {
            case TEXT -> (String) value;
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case TIMESTAMP -> timestamps.of(column, (Instant) value);
            case BIGINT -> Long.toString((Long) value);
        };
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
