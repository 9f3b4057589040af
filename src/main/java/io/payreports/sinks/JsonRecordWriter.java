package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.payreports.reports.RecordLayout.Column;
import io.payreports.reports.RecordLayout.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writes records of one layout as JSON objects: the JSON Lines files, Kafka message values and the records in
 * dead letters. What is the same for every record is prepared once: field names already quoted and
 * escaped, and the text of timestamps that repeat ({@link TimestampText}). Money is written as a string
 * because a JSON number would invite consumers to parse it as a double. Not thread-safe: one per encoder.
 */
final class JsonRecordWriter {

    private final SerializableString[] names;
    private final ColumnType[] types;
    private final TimestampText timestamps;

    JsonRecordWriter(List<Column> columns) {
        this.names = columns.stream()
                .map(column -> new SerializedString(column.name()))
                .toArray(SerializableString[]::new);
        this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.timestamps = new TimestampText(columns.size());
    }

    /** Values in the layout's column order, typed as {@link io.payreports.reports.RecordLayout#values} says. */
    void write(JsonGenerator json, Object[] values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            json.writeFieldName(names[i]);
            Object value = values[i];
            if (value == null) {
                json.writeNull();
                continue;
            }
            switch (types[i]) {
                case TEXT -> json.writeString((String) value);
                case DECIMAL -> json.writeString(((BigDecimal) value).toPlainString());
                case TIMESTAMP -> json.writeString(timestamps.of(i, (Instant) value));
                case BIGINT -> json.writeNumber((Long) value);
            }
        }
        json.writeEndObject();
    }
}
