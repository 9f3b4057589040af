package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.sinks.TestDatabases.PostgresSchema;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Override
    int expectedPassesOverKeysAlreadyStored() {
        return 2;
    }

    @Test
    void aNewReportIsCopiedIntoTheTableInOnePass() throws Exception {
        List<TestRecord> records = List.of(
                TestRecord.of("a", "USD", "1.00", "2024-01-01T00:00:00Z", 1L, "first"),
                TestRecord.of("b", "USD", "2.00", null, null, null));
        try (ReportWriter<TestRecord> writer = sink(500).open(REPORT, TestRecord.LAYOUT)) {
            for (TestRecord record : records) {
                writer.write(record);
            }
            assertThat(writer.wantsRecordsAgain()).isFalse();
            writer.commit();
            assertThat(writer.count()).isEqualTo(2);
        }
        assertThat(rows("SELECT id FROM " + table() + " ORDER BY id"))
                .extracting(row -> row[0])
                .containsExactly("a", "b");
    }

    @Test
    void committingWithoutTheSecondPassItAskedForKeepsNothing() throws Exception {
        TestRecord stored = TestRecord.of("a", "USD", "1.00", "2024-01-01T00:00:00Z", 1L, "stored");
        deliver(sink(500), List.of(stored));
        try (ReportWriter<TestRecord> writer = sink(500).open(REPORT, TestRecord.LAYOUT)) {
            writer.write(TestRecord.of("a", "USD", "9.99", null, null, "replayed"));
            writer.write(TestRecord.of("b", "USD", "2.00", null, null, "new"));
            assertThatThrownBy(writer::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("written again");
        }
        assertThat(rows("SELECT id, note FROM " + table())).singleElement().satisfies(row -> {
            assertThat(row[0]).isEqualTo("a");
            assertThat(row[1]).isEqualTo("stored");
        });
    }
}
