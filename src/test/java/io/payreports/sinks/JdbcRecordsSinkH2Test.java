package io.payreports.sinks;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcRecordsSinkH2Test extends JdbcRecordsSinkContract {

    @TempDir
    Path directory;

    private DataSource h2;

    @BeforeEach
    void startDatabase() {
        h2 = TestDatabases.h2(directory);
    }

    @Override
    DataSource dataSource() {
        return h2;
    }

    @Override
    JdbcRecordsSink sink(int batchSize) {
        return new JdbcRecordsSink("jdbc", h2, batchSize, null, MIGRATIONS_WITH_TEST_RECORD);
    }

    @Override
    String table() {
        return "test_record";
    }

    @Override
    int expectedPassesOverKeysAlreadyStored() {
        return 1;
    }
}
