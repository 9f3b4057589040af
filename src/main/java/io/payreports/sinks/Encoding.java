package io.payreports.sinks;

import io.payreports.reports.RecordLayout.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** A file format, optionally gzip-compressed: how the file, SFTP and S3 sinks turn a report into bytes. */
public record Encoding(FileFormat format, boolean gzip) {

    /** {@code jsonl}, {@code csv.gz}, ... */
    public String extension() {
        return format.extension() + (gzip ? ".gz" : "");
    }

    /** {@code csv}, {@code jsonl.gz}, ... as an operator writes it. */
    public static Encoding parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        boolean gzip = value.endsWith(".gz");
        String format = gzip ? value.substring(0, value.length() - 3) : value;
        for (FileFormat candidate : FileFormat.values()) {
            if (candidate.extension().equals(format)) {
                return new Encoding(candidate, gzip);
            }
        }
        throw new IllegalArgumentException(
                "unknown format '" + text.trim() + "', use jsonl or csv, optionally with .gz");
    }

    public Output open(OutputStream raw, List<Column> columns) throws IOException {
        GZIPOutputStream compressed = gzip ? new GZIPOutputStream(raw, 1 << 16) : null;
        return new Output(format.encoder(compressed == null ? raw : compressed, columns), compressed);
    }

    /** Rows going into one file. */
    public record Output(RowEncoder encoder, GZIPOutputStream compressed) implements AutoCloseable {

        public void write(Object[] values) throws IOException {
            encoder.write(values);
        }

        /** Hands every byte, the gzip trailer included, to the underlying stream without closing it. */
        public void finish() throws IOException {
            encoder.flush();
            if (compressed != null) {
                compressed.finish();
            }
        }

        @Override
        public void close() throws IOException {
            encoder.close();
        }
    }
}
