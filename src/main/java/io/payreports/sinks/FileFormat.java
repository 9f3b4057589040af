package io.payreports.sinks;

import io.payreports.reports.RecordLayout.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Formats the file sink can write; each report becomes one file per chosen format. */
public enum FileFormat {

    /** One JSON object per line, money as exact decimal strings, times as ISO-8601 UTC. */
    JSONL("jsonl") {
        @Override
        public RowEncoder encoder(OutputStream out, List<Column> columns) throws IOException {
            return new JsonLinesEncoder(out, columns);
        }
    },

    /** RFC 4180 CSV with a header line of column names. */
    CSV("csv") {
        @Override
        public RowEncoder encoder(OutputStream out, List<Column> columns) {
            return new CsvEncoder(out, columns);
        }
    };

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Encodes rows of these columns to {@code out}: the file sink's files, or stdout for {@code parse}. */
    public abstract RowEncoder encoder(OutputStream out, List<Column> columns) throws IOException;
}
