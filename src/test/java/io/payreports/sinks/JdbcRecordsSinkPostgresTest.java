package io.payreports.sinks;

import io.payreports.sinks.TestDatabases.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Against the machine's PostgreSQL, in a schema of its own that the sink is told about. */
class JdbcRecordsSinkPostgresTest extends JdbcRecordsSinkContract {

    private PostgresSchema schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = new PostgresSchema();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    JdbcRecordsSink sink(int batchSize) {
        return new JdbcRecordsSink(
                "jdbc",
                PostgresSchema.defaultSchemaDataSource(),
                batchSize,
                schema.name(),
                MIGRATIONS_WITH_TEST_RECORD);
    }

    @Override
    String table() {
        return "test_record";
    }
}
