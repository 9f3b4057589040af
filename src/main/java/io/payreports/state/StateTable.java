package io.payreports.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A table of the state database that its store creates itself: connections in auto-commit mode, the
 * table created before the first one is handed out. Once per table, and never concurrently: PostgreSQL's
 * {@code IF NOT EXISTS} is not safe against a parallel {@code CREATE}.
 */
public final class StateTable {

    private final DataSource dataSource;
    private final List<String> createSql;
    private boolean created; // guarded by this

    /** @param createSql a {@code CREATE TABLE IF NOT EXISTS} statement, then any of its indexes; none for a reader */
    public StateTable(DataSource dataSource, String... createSql) {
        this.dataSource = dataSource;
        this.createSql = List.of(createSql);
    }

    public Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            createOnce(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A table nothing has created yet: PostgreSQL's undefined_table, H2's table-not-found. */
    public static boolean isMissingTable(SQLException e) {
        return "42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState());
    }

    private synchronized void createOnce(Connection connection) throws SQLException {
        if (!created) {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : createSql) {
                    statement.execute(ddl);
                }
            }
            created = true;
        }
    }
}
