package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Upserts records into one table per layout ({@code layout.name()}, snake_case columns, primary
 * key on the natural key), in batches, one transaction per report. Replaying a report therefore
 * updates its rows instead of duplicating them, and a failed delivery leaves nothing behind.
 *
 * <p>Tables are created when missing; a schema, if given, must exist. With PostgreSQL, do not set
 * the driver's {@code reWriteBatchedInserts}: it folds a batch into one statement, and one
 * statement cannot upsert the same key twice.
 */
public final class JdbcRecordsSink implements RecordSink {

    public static final int DEFAULT_BATCH_SIZE = 500;

    private final DataSource dataSource;
    private final int batchSize;
    private final String schema;
    private final Set<String> createdTables = new HashSet<>(); // guarded by this

    public JdbcRecordsSink(DataSource dataSource) {
        this(dataSource, DEFAULT_BATCH_SIZE, null);
    }

    public JdbcRecordsSink(DataSource dataSource, int batchSize) {
        this(dataSource, batchSize, null);
    }

    /** @param schema schema holding the tables, or {@code null} for the connection's default */
    public JdbcRecordsSink(DataSource dataSource, int batchSize, String schema) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            RecordTable table = RecordTable.of(SqlDialect.of(connection), schema, layout);
            createIfMissing(connection, table);
            connection.setAutoCommit(false);
            return new JdbcReportWriter<>(connection, connection.prepareStatement(table.upsertSql()), layout, batchSize);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Outside the report's transaction, so that a rolled-back report does not take the table with it. */
    private synchronized void createIfMissing(Connection connection, RecordTable table) throws SQLException {
        if (createdTables.contains(table.name())) {
            return;
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(table.createSql());
        }
        createdTables.add(table.name());
    }
}
