package io.payreports.state;

import io.payreports.sinks.TestDatabases.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class WatermarkStorePostgresTest extends WatermarkStoreContract {

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
}
