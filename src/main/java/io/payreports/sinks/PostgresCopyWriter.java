package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One report's transaction in the JDBC sink on PostgreSQL: the rows stream in through {@code COPY} into
 * a temporary table, and the commit moves them into the record table as one upsert. Same outcome as
 * batched upserts (replays update, a failed report leaves nothing), at close to {@code \copy} speed.
 */
final class PostgresCopyWriter<T> implements ReportWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCopyWriter.class);
    private static final String LOAD_TABLE = "payreports_load";
    private static final String CARDINALITY_VIOLATION = "21000";

    private final Connection connection;
    private final RecordTable table;
    private final RecordLayout<T> layout;
    private final PGCopyOutputStream copy;
    private final CsvEncoder csv;
    private long count;
    private boolean committed;

    PostgresCopyWriter(Connection connection, RecordTable table, RecordLayout<T> layout) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.layout = layout;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + LOAD_TABLE + " (LIKE " + table.name() + ") ON COMMIT DROP");
        }
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copySql(LOAD_TABLE), 1 << 16);
        this.csv = new CsvEncoder(copy, layout.columns());
    }

    @Override
    public void write(T record) throws IOException {
        csv.write(layout.values(record));
        count++;
    }

    @Override
    public void commit() throws IOException, SQLException {
        try {
            csv.close(); // ends the COPY, where PostgreSQL checks the rows
        } catch (IOException e) {
            // the driver wraps the database's refusal (e.g. a null key); it is a SQL failure like a batch's
            if (e.getCause() instanceof SQLException refused) {
                throw refused;
            }
            throw e;
        }
        upsertLoad();
        connection.commit();
        committed = true;
    }

    /**
     * The load into the table, first as if each key came once (no sort of the whole load); a key twice (one
     * statement cannot update a row twice, SQLSTATE 21000) undoes that attempt and keeps the last row per key.
     */
    private void upsertLoad() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Savepoint beforeUpsert = connection.setSavepoint();
            try {
                statement.executeUpdate(table.upsertOnceFromSql(LOAD_TABLE));
                connection.releaseSavepoint(beforeUpsert);
            } catch (SQLException e) {
                if (!CARDINALITY_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeUpsert);
                statement.executeUpdate(table.upsertFromSql(LOAD_TABLE));
            }
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (!committed && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                LOG.warn("Cancelling the {} COPY failed: {}", layout.name(), e.toString());
            }
        }
        JdbcReportWriter.release(connection, committed, layout.name());
    }
}
