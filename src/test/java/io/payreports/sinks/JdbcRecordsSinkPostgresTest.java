package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.sinks.TestDatabases.PostgresSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** The driver sends the COPY in 64 KiB chunks: PostgreSQL may refuse a stored key long before the COPY ends. */
    @Test
    void aLargeReportMeetingAStoredKeyInItsFirstRowIsUpsertedWhole() throws Exception {
        deliver(sink(500), List.of(TestRecord.of("row-000000", "USD", "1.00", null, null, "stored")));
        List<TestRecord> report = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            report.add(TestRecord.of(
                    String.format(Locale.ROOT, "row-%06d", i), "USD", i + ".25", null, (long) i, "redelivered " + i));
        }

        deliver(sink(500), report);

        assertThat(rows("SELECT count(*), sum(quantity) FROM " + table()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(((Number) row[0]).longValue()).isEqualTo(20_000L);
                    assertThat(((Number) row[1]).longValue()).isEqualTo(19_999L * 20_000L / 2);
                });
        assertThat(rows("SELECT note FROM " + table() + " WHERE id = 'row-000000'"))
                .singleElement()
                .satisfies(row -> assertThat(row[0]).isEqualTo("redelivered 0"));
    }
}
