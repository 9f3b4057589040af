package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
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
 * One report's transaction in the JDBC sink on PostgreSQL. The rows stream through {@code COPY} straight
 * into the record table, as {@code \copy} would: a new report, whose keys are not there yet, costs one
 * COPY. A report whose keys are partly there already (a replay, a re-delivery, a key twice in the report)
 * fails that COPY on the primary key; the writer then rolls back to before it and asks for the records
 * again ({@link #wantsRecordsAgain()}), COPYs them into a temporary table and moves them into the table as
 * one upsert. Either way one transaction: replays update, a failed report leaves nothing.
 */
final class PostgresCopyWriter<T> implements ReportWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCopyWriter.class);
    private static final String LOAD_TABLE = "payreports_load";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CARDINALITY_VIOLATION = "21000";

    /** Where the rows go: straight into the table, into the temporary table to upsert, or all in (COPY ended). */
    private enum Target {
        TABLE,
        LOAD_TABLE,
        LOADED
    }

    private final Connection connection;
    private final ReportContext report;
    private final RecordTable table;
    private final RecordLayout<T> layout;
    private final Savepoint beforeCopy;
    private PGCopyOutputStream copy;
    private CsvEncoder csv;
    private Target target = Target.TABLE;
    private boolean staged;
    private long count;
    private boolean committed;

    PostgresCopyWriter(Connection connection, ReportContext report, RecordTable table, RecordLayout<T> layout)
            throws SQLException {
        this.connection = connection;
        this.report = report;
        this.table = table;
        this.layout = layout;
        this.beforeCopy = connection.setSavepoint();
        startCopy(table.name());
    }

    private void startCopy(String into) throws SQLException {
        copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copySql(into), 1 << 16);
        csv = new CsvEncoder(copy, layout.columns());
        count = 0;
    }

    @Override
    public void write(T record) throws IOException {
        if (target == Target.LOADED) {
            throw new IllegalStateException("the " + layout.name() + " COPY of report " + report.reportId()
                    + " has ended; records come before commit, or again after wantsRecordsAgain()");
        }
        csv.write(layout.values(record));
        count++;
    }

    /**
     * Ends the COPY. Straight into the table, a key already there (or twice in the report) undoes it and asks
     * for the records again, this time into the temporary table that {@link #commit()} upserts.
     */
    @Override
    public boolean wantsRecordsAgain() throws IOException, SQLException {
        if (target == Target.LOADED) {
            return false;
        }
        try {
            endCopy();
        } catch (SQLException e) {
            if (target != Target.TABLE || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeCopy);
            LOG.info(
                    "Report {}: some of its {} keys are in the table already (a replay or a key twice); loading it"
                            + " again to upsert",
                    report.reportId(),
                    layout.name());
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "CREATE TEMPORARY TABLE " + LOAD_TABLE + " (LIKE " + table.name() + ") ON COMMIT DROP");
            }
            startCopy(LOAD_TABLE);
            target = Target.LOAD_TABLE;
            return true;
        }
        staged = target == Target.LOAD_TABLE;
        target = Target.LOADED;
        return false;
    }

    /** Ends the COPY stream, where PostgreSQL checks the rows: the driver wraps its refusal, a SQL failure. */
    private void endCopy() throws IOException, SQLException {
        try {
            csv.close();
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException refused) {
                throw refused;
            }
            throw e;
        }
    }

    @Override
    public void commit() throws IOException, SQLException {
        if (wantsRecordsAgain()) {
            throw new IllegalStateException("report " + report.reportId() + " has keys in " + table.name()
                    + " already: its records must be written again (wantsRecordsAgain()) before commit");
        }
        if (staged) {
            upsertLoad();
        }
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
