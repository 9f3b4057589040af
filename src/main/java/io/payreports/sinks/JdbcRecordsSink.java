package io.payreports.sinks;

import io.payreports.reports.AccountedLayout;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Upserts records into one table per layout ({@code layout.name()}, snake_case columns and the
 * {@code account} the report came from, primary key on the account and the natural key), one transaction per report. Replaying a report therefore
 * updates its rows instead of duplicating them, and a failed delivery leaves nothing behind.
 *
 * <p>The tables are created and changed by Flyway, from the versioned SQL under
 * {@code db/migration/<database>/} (PostgreSQL: {@code NUMERIC} money, {@code TIMESTAMPTZ} times),
 * before the first report; a schema, if given, is created when missing. On PostgreSQL the rows go in
 * through {@code COPY}, straight into the table when the report's keys are new and through one upsert
 * when some are there already ({@link PostgresCopyWriter}); on H2 as batched MERGEs.
 */
public final class JdbcRecordsSink implements RecordSink {

    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The record tables' migrations; {@code {vendor}} stands for the database, {@code h2} or {@code postgresql}. */
    public static final String MIGRATIONS = "classpath:db/migration/{vendor}";

    private final String name;
    private final DataSource dataSource;
    private final int batchSize;
    private final String schema;
    private final List<String> migrations;
    private volatile boolean migrated; // set under this

    public JdbcRecordsSink(DataSource dataSource) {
        this(dataSource, DEFAULT_BATCH_SIZE, null);
    }

    public JdbcRecordsSink(DataSource dataSource, int batchSize) {
        this(dataSource, batchSize, null);
    }

    /** @param schema schema holding the tables, or {@code null} for the connection's default */
    public JdbcRecordsSink(DataSource dataSource, int batchSize, String schema) {
        this("jdbc", dataSource, batchSize, schema, List.of(MIGRATIONS));
    }

    /** @param migrations Flyway locations of the record tables' migrations, usually {@link #MIGRATIONS} */
    public JdbcRecordsSink(String name, DataSource dataSource, int batchSize, String schema, List<String> migrations) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.name = name;
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.schema = schema;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return name;
    }

    /** The database the tables live in, for readers of what this sink stored (reconciliation). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema of the tables, or {@code null} for the connection's default. */
    public String schema() {
        return schema;
    }

    /** Creates or updates the tables now, as the first report would: for readers that may come before any report. */
    public void migrate() throws SQLException {
        if (migrated) {
            return;
        }
        SqlDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.of(connection);
        }
        // holding no connection: Flyway takes its own from this pool, and deliveries that waited here holding theirs
        // left it none (4 reports at once on a new node: each stalled for the pool's whole connection timeout)
        migrateOnce(dialect);
    }

    @Override
    public <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) throws SQLException {
        migrate();
        Connection connection = dataSource.getConnection();
        try {
            SqlDialect dialect = SqlDialect.of(connection);
            // every record table holds many accounts' rows, keyed by account first
            RecordLayout<T> stored = AccountedLayout.of(layout, report.account());
            RecordTable table = RecordTable.of(dialect, schema, stored);
            connection.setAutoCommit(false);
            if (dialect == SqlDialect.POSTGRESQL) {
                return new PostgresCopyWriter<>(connection, report, table, stored);
            }
            return new JdbcReportWriter<>(
                    connection, connection.prepareStatement(table.upsertSql()), stored, batchSize);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Before the first report, not at startup: a database that is down then is retried like any
     * other delivery failure. {@code baselineOnMigrate} because the embedded H2 file also holds the
     * state tables, and databases from before the migrations already have record tables (the
     * first migration creates them only if missing).
     */
    private synchronized void migrateOnce(SqlDialect dialect) {
        if (migrated) {
            return;
        }
        String vendor = dialect.name().toLowerCase(Locale.ROOT);
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(migrations.stream()
                        .map(location -> location.replace("{vendor}", vendor))
                        .toArray(String[]::new))
                .table("payreports_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        migrated = true;
    }
}
