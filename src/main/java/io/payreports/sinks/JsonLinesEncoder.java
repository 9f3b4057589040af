package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.payreports.reports.RecordLayout.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * JSON Lines through Jackson's streaming generator: no per-record maps or trees, so memory stays
 * flat however long the report. Money is written as a string because a JSON number would invite
 * consumers to parse it as a double.
 */
final class JsonLinesEncoder implements RowEncoder {

    /** No separator between root values: each object ends its own line with a newline. */
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final JsonGenerator json;
    private final List<Column> columns;

    JsonLinesEncoder(OutputStream out, List<Column> columns) throws IOException {
        this.json = JSON.createGenerator(out);
        this.columns = columns;
    }

    @Override
    public void write(Object[] values) throws IOException {
        writeObject(json, columns, values);
        json.writeRaw('\n');
    }

    /** One record as a JSON object: also the value of Kafka messages and the record in a dead letter. */
    static void writeObject(JsonGenerator json, List<Column> columns, Object[] values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            json.writeFieldName(column.name());
            Object value = values[i];
            if (value == null) {
                json.writeNull();
                continue;
            }
            switch (column.type()) {
                case TEXT -> json.writeString((String) value);
                case DECIMAL -> json.writeString(((BigDecimal) value).toPlainString());
                case TIMESTAMP -> json.writeString(((Instant) value).toString());
                case BIGINT -> json.writeNumber((Long) value);
            }
        }
        json.writeEndObject();
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
