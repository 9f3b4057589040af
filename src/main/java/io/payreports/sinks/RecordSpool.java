package io.payreports.sinks;

import io.payreports.reports.RecordLayout.Column;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
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
 * as seconds and nanoseconds. The file is read and written through buffers of its own rather than
 * {@code DataInput/OutputStream} over {@code Buffered*Stream}, which take a lock for every byte of every
 * int (tens of locked calls per row, a tenth of a sink's time in the profile).
 */
public final class RecordSpool implements AutoCloseable {

    private static final byte NULL = 0;
    private static final byte PRESENT = 1;
    private static final int BUFFER = 1 << 16;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final List<Column> columns;
    private final Output out;
    private long count;

    private RecordSpool(Path file, List<Column> columns) throws IOException {
        this.file = file;
        this.columns = columns;
        this.out = new Output(Files.newOutputStream(file));
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
        return new Reader(new Input(Files.newInputStream(file)));
    }

    private void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A buffered, unsynchronized writer of the spool's bytes, ints and longs (big-endian). */
    private static final class Output implements AutoCloseable {

        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private int position;

        Output(OutputStream out) {
            this.out = out;
        }

        void writeByte(byte value) throws IOException {
            room(1);
            buffer[position++] = value;
        }

        void writeInt(int value) throws IOException {
            room(Integer.BYTES);
            INT.set(buffer, position, value);
            position += Integer.BYTES;
        }

        void writeLong(long value) throws IOException {
            room(Long.BYTES);
            LONG.set(buffer, position, value);
            position += Long.BYTES;
        }

        void write(byte[] bytes) throws IOException {
            if (bytes.length > buffer.length - position) {
                flush();
                if (bytes.length > buffer.length) {
                    out.write(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }

        private void room(int bytes) throws IOException {
            if (buffer.length - position < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(buffer, 0, position);
            position = 0;
        }

        /** Idempotent: {@link #finish()} and {@link #close()} both close. */
        @Override
        public void close() throws IOException {
            if (position >= 0) {
                try {
                    flush();
                } finally {
                    position = -1;
                    out.close();
                }
            }
        }
    }

    /** The buffered, unsynchronized reader matching {@link Output}. */
    private static final class Input implements AutoCloseable {

        private final InputStream in;
        private final byte[] buffer = new byte[BUFFER];
        private int position;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        byte readByte() throws IOException {
            available(1);
            return buffer[position++];
        }

        int readInt() throws IOException {
            available(Integer.BYTES);
            int value = (int) INT.get(buffer, position);
            position += Integer.BYTES;
            return value;
        }

        long readLong() throws IOException {
            available(Long.BYTES);
            long value = (long) LONG.get(buffer, position);
            position += Long.BYTES;
            return value;
        }

        String readText(int length) throws IOException {
            if (length > buffer.length) {
                return new String(readBytes(length), StandardCharsets.UTF_8);
            }
            available(length);
            String text = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        byte[] readBytes(int length) throws IOException {
            byte[] bytes = new byte[length];
            int buffered = Math.min(length, limit - position);
            System.arraycopy(buffer, position, bytes, 0, buffered);
            position += buffered;
            if (in.readNBytes(bytes, buffered, length - buffered) != length - buffered) {
                throw new EOFException("spool ends inside a value");
            }
            return bytes;
        }

        /** At least {@code bytes} (at most the buffer's size) are in the buffer after this. */
        private void available(int bytes) throws IOException {
            if (limit - position >= bytes) {
                return;
            }
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            while (limit < bytes) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    throw new EOFException("spool ends inside a record");
                }
                limit += read;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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

        private final Input in;
        private long remaining = count;

        private Reader(Input in) {
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
                    case TEXT -> in.readText(in.readInt());
                    case DECIMAL -> {
                        int scale = in.readInt();
                        yield new BigDecimal(new BigInteger(in.readBytes(in.readInt())), scale);
                    }
                    case TIMESTAMP -> Instant.ofEpochSecond(in.readLong(), in.readInt());
                    case BIGINT -> in.readLong();
                };
            }
            remaining--;
            return values;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
