package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.payreports.reports.RecordLayout.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * JSON Lines through Jackson's streaming generator: no per-record maps or trees, so memory stays
 * flat however long the report.
 */
final class JsonLinesEncoder implements RowEncoder {

    /** No separator between root values: each object ends its own line with a newline. */
    private static final JsonFactory JSON =
            new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final JsonGenerator json;
    private final JsonRecordWriter records;

    JsonLinesEncoder(OutputStream out, List<Column> columns) throws IOException {
        this.json = JSON.createGenerator(out);
        this.records = new JsonRecordWriter(columns);
    }

    @Override
    public void write(Object[] values) throws IOException {
        records.write(json, values);
        json.writeRaw('\n');
    }

    /** One record as a JSON object, for a caller writing a few (the record in a dead letter). */
    static void writeObject(JsonGenerator json, List<Column> columns, Object[] values) throws IOException {
        new JsonRecordWriter(columns).write(json, values);
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
