package io.payreports.sinks;

import io.payreports.reports.RecordLayout.Column;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One report's records as typed column values in a local file, so that every sink can be given
 * the report again on each of its own retries without holding it in memory or downloading it
 * twice. Values are written in binary, exactly: decimals as unscaled digits and scale, instants
 * as seconds and nanoseconds.
 */
public final class RecordSpool implements AutoCloseable {

    private static final byte NULL = 0;
    private static final byte PRESENT = 1;

    private final Path file;
    private final List<Column> columns;
    private final DataOutputStream out;
    private long count;

    private RecordSpool(Path file, List<Column> columns) throws IOException {
        this.file = file;
        this.columns = columns;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** A new spool file in {@code directory}; it is deleted on {@link #close()}. */
    public static RecordSpool create(Path directory, List<Column> columns) throws IOException {
        Files.createDirectories(directory);
        return new RecordSpool(Files.createTempFile(directory, "report-", ".spool"), columns);
    }

    /** Spools of a run that was killed before it could delete them; call once at startup, before any report. */
    public static void deleteLeftovers(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> spools = Files.newDirectoryStream(directory, "report-*.spool")) {
                for (Path spool : spools) {
                    Files.deleteIfExists(spool);
                }
            }
        }
    }

    public void append(Object[] values) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            Object value = values[i];
            if (value == null) {
                out.writeByte(NULL);
                continue;
            }
            out.writeByte(PRESENT);
            switch (columns.get(i).type()) {
                case TEXT -> writeBytes(((String) value).getBytes(StandardCharsets.UTF_8));
                case DECIMAL -> {
                    BigDecimal decimal = (BigDecimal) value;
                    out.writeInt(decimal.scale());
                    writeBytes(decimal.unscaledValue().toByteArray());
                }
                case TIMESTAMP -> {
                    Instant instant = (Instant) value;
                    out.writeLong(instant.getEpochSecond());
                    out.writeInt(instant.getNano());
                }
                case BIGINT -> out.writeLong((Long) value);
            }
        }
        count++;
    }

    /** Ends writing; the records can be read from now on, as often as needed. */
    public void finish() throws IOException {
        out.close();
    }

    public long count() {
        return count;
    }

    /** Reads the records back in the order they were appended. */
    public Reader read() throws IOException {
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
    }

    private void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One pass over the spooled records. */
    public final class Reader implements AutoCloseable {

        private final DataInputStream in;
        private long remaining = count;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next record's values in column order, or {@code null} after the last. */
        public Object[] next() throws IOException {
            if (remaining == 0) {
                return null;
            }
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                if (in.readByte() == NULL) {
                    continue;
                }
                values[i] = switch (columns.get(i).type()) {
                    case TEXT -> new String(readBytes(), StandardCharsets.UTF_8);
                    case DECIMAL -> {
                        int scale = in.readInt();
                        yield new BigDecimal(new BigInteger(readBytes()), scale);
                    }
                    case TIMESTAMP -> Instant.ofEpochSecond(in.readLong(), in.readInt());
                    case BIGINT -> in.readLong();
                };
            }
            remaining--;
            return values;
        }

        private byte[] readBytes() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
