package io.payreports.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the tables of a PostgreSQL state database: the delivered-reports repository (Camel's
 * {@code CAMEL_MESSAGEPROCESSED}), the watermarks, the run history and, for clustered scheduling, Quartz's tables from the
 * script that ships in the Quartz jar (org/quartz/impl/jdbcjobstore/tables_postgres.sql) without its DROP
 * lines. Under an advisory lock: nodes starting together would otherwise race on {@code CREATE TABLE}
 * (PostgreSQL's IF NOT EXISTS is not safe against a parallel CREATE), and one of them would fail to start.
 */
public final class StateSchema {

    private static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Any constant both nodes agree on: "payreports quartz" as a number. */
    private static final long LOCK = 0x7061797175617274L;

    /** Camel's JdbcMessageIdRepository default table, as it would create it itself. */
    private static final String DELIVERED_REPORTS =
            "CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), "
                    + "messageId VARCHAR(100), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))";

    private StateSchema() {}

    public static void ensure(DataSource state, boolean clustered) throws SQLException {
        try (Connection connection = state.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                statement.execute(DELIVERED_REPORTS);
                statement.execute(WatermarkStore.CREATE);
                statement.execute(RunHistory.CREATE);
                statement.execute(RunHistory.ADD_ACCOUNT);
                statement.execute(RunHistory.CREATE_INDEX);
                if (clustered && !exists(connection, "qrtz_locks")) {
                    for (String ddl : statements()) {
                        statement.execute(ddl);
                    }
                }
            }
            connection.commit();
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static List<String> statements() {
        try (InputStream in = StateSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the Quartz jar has no " + SCRIPT);
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("--")
                            && !line.toUpperCase(java.util.Locale.ROOT).startsWith("DROP ")
                            && !line.equalsIgnoreCase("commit;"))
                    .reduce("", (text, line) -> text + line + "\n");
            return Arrays.stream(script.split(";"))
                    .map(String::strip)
                    .filter(ddl -> !ddl.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
