package io.payreports.state;

import io.payreports.sinks.TestDatabases;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class WatermarkStoreH2Test extends WatermarkStoreContract {

    @TempDir
    Path directory;

    @Override
    DataSource dataSource() {
        return TestDatabases.h2(directory);
    }
}
