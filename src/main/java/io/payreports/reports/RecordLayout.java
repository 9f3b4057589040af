package io.payreports.reports;

import java.util.List;

/**
 * How one typed record flattens into named, typed columns. Sinks that store rows (files, JDBC)
 * are written against this, so a new report type needs a layout, not a new sink.
 *
 * @param <T> the record type
 */
public interface RecordLayout<T> {

    /** Short stable name, used for table names and file names, e.g. {@code amazonpay_settlement}. */
    String name();

    /** Columns in output order. Names are camelCase; JDBC sinks turn them into snake_case. */
    List<Column> columns();

    /** Column names that identify a row across replays of the same report (upsert key). */
    List<String> naturalKey();

    /**
     * Values in {@link #columns()} order. Types follow {@link ColumnType}: TEXT → String,
     * DECIMAL → BigDecimal, TIMESTAMP → java.time.Instant, BIGINT → Long. Nulls allowed.
     */
    Object[] values(T record);

    record Column(String name, ColumnType type) {}

    enum ColumnType {
        TEXT,
        DECIMAL,
        TIMESTAMP,
        BIGINT
    }
}
