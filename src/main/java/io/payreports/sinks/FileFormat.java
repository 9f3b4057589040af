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
        RowEncoder encoder(OutputStream out, List<Column> columns) throws IOException {
            return new JsonLinesEncoder(out, columns);
        }
    },

    /** RFC 4180 CSV with a header line of column names. */
    CSV("csv") {
        @Override
        RowEncoder encoder(OutputStream out, List<Column> columns) {
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

    abstract RowEncoder encoder(OutputStream out, List<Column> columns) throws IOException;
}
