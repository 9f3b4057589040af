package io.payreports.state;

import io.payreports.sinks.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of its own on 127.0.0.1:5432 that a test may take down and bring back:
 * {@link #cut} refuses new connections and ends the open ones, as an outage or failover does.
 * Dropped on close. Skipped (or failed on CI) without PostgreSQL, like {@link TestDatabases}.
 */
public final class OwnedPostgresDatabase implements AutoCloseable {

    private final String name =
            "payreports_owned_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public OwnedPostgresDatabase() throws SQLException {
        try (TestDatabases.PostgresSchema reachable = new TestDatabases.PostgresSchema()) {
            admin("CREATE DATABASE " + name);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    /** The outage: no new connections, the open ones terminated. */
    public void cut() throws SQLException {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    public void restore() throws SQLException {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    /** Runs SQL in this database. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection =
                        TestDatabases.PostgresSchema.defaultSchemaDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        restore();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
