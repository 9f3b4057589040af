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
 * Creates Quartz's tables on a PostgreSQL state database for clustered scheduling, from the script that
 * ships in the Quartz jar (org/quartz/impl/jdbcjobstore/tables_postgres.sql) without its DROP lines. Runs
 * under an advisory lock, so that nodes starting together create them once; a no-op when they exist.
 */
public final class QuartzSchema {

    private static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Any constant both nodes agree on: "payreports quartz" as a number. */
    private static final long LOCK = 0x7061797175617274L;

    private QuartzSchema() {
    }

    public static void ensure(DataSource state) throws SQLException {
        try (Connection connection = state.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                if (!exists(connection, "qrtz_locks")) {
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
        try (InputStream in = QuartzSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the Quartz jar has no " + SCRIPT);
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--") && !line.toUpperCase(java.util.Locale.ROOT).startsWith("DROP ")
                            && !line.equalsIgnoreCase("commit;"))
                    .reduce("", (text, line) -> text + line + "\n");
            return Arrays.stream(script.split(";")).map(String::strip).filter(ddl -> !ddl.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
