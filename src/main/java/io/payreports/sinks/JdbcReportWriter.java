package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.RecordLayout.Column;
import io.payreports.reports.RecordLayout.ColumnType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One report's transaction in the JDBC sink: batched upserts, committed or rolled back as a whole. */
final class JdbcReportWriter<T> implements ReportWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcReportWriter.class);

    private final Connection connection;
    private final PreparedStatement upsert;
    private final RecordLayout<T> layout;
    private final List<Column> columns;
    private final int batchSize;
    private int pending;
    private long count;
    private boolean committed;

    JdbcReportWriter(Connection connection, PreparedStatement upsert, RecordLayout<T> layout, int batchSize) {
        this.connection = connection;
        this.upsert = upsert;
        this.layout = layout;
        this.columns = layout.columns();
        this.batchSize = batchSize;
    }

    @Override
    public void write(T record) throws SQLException {
        Object[] values = layout.values(record);
        for (int i = 0; i < columns.size(); i++) {
            bind(i + 1, columns.get(i).type(), values[i]);
        }
        upsert.addBatch();
        count++;
        if (++pending == batchSize) {
            executeBatch();
        }
    }

    @Override
    public void commit() throws SQLException {
        executeBatch();
        connection.commit();
        committed = true;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        try (upsert) {
            release(connection, committed, layout.name());
        } catch (SQLException e) {
            LOG.warn("Closing the {} upsert failed: {}", layout.name(), e.toString());
        }
    }

    /** Rolls back what was not committed and hands a pooled connection back as it came. */
    static void release(Connection connection, boolean committed, String layoutName) {
        try (connection) {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Closing the {} transaction failed: {}", layoutName, e.toString());
        }
    }

    private void executeBatch() throws SQLException {
        if (pending > 0) {
            upsert.executeBatch();
            pending = 0;
        }
    }

    /** Instants go in as UTC OffsetDateTime, the one java.time type both drivers map to TIMESTAMP WITH TIME ZONE. */
    private void bind(int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            upsert.setNull(
                    index,
                    switch (type) {
                        case TEXT -> Types.VARCHAR;
                        case DECIMAL -> Types.NUMERIC;
                        case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                        case BIGINT -> Types.BIGINT;
                    });
            return;
        }
        switch (type) {
            case TEXT -> upsert.setString(index, (String) value);
            case DECIMAL -> upsert.setBigDecimal(index, (BigDecimal) value);
            case TIMESTAMP -> upsert.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case BIGINT -> upsert.setLong(index, (Long) value);
        }
    }
}
