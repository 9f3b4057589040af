package io.payreports.sinks;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/** The two databases the JDBC code must work on: an embedded H2 file and the machine's PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {}

    public static DataSource h2(Path directory) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("state").toAbsolutePath());
        return h2;
    }

    /**
     * A fresh schema in {@code jdbc:postgresql://127.0.0.1:5432/test}, dropped on close. Without a
     * reachable PostgreSQL the test is skipped, except on CI (env CI=true), where that is a failure.
     */
    public static final class PostgresSchema implements AutoCloseable {

        private final String name = "payreports_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private final PGSimpleDataSource dataSource = defaultSchemaDataSource();

        public PostgresSchema() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + name);
            } catch (SQLException e) {
                String message = "PostgreSQL on 127.0.0.1:5432 is not reachable: " + e.getMessage();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(message, e);
                }
                Assumptions.abort(message);
            }
            dataSource.setCurrentSchema(name);
        }

        public String name() {
            return name;
        }

        /** Connections to the database's default schema, for code that names the schema itself. */
        public static PGSimpleDataSource defaultSchemaDataSource() {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            postgres.setConnectTimeout(2);
            return postgres;
        }

        /** Connections whose unqualified names resolve in this schema. */
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + name + " CASCADE");
            }
        }
    }
}
