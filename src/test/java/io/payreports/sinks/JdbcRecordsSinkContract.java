package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.reports.ReportContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the JDBC sink promises on every database it supports; subclasses bring the database. */
abstract class JdbcRecordsSinkContract {

    static final ReportContext REPORT = new ReportContext(
            "job-1",
            "50001018",
            "_GET_TEST_",
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-02T00:00:00Z"));
    /** The shipped migrations plus the one that creates {@link TestRecord}'s table. */
    static final List<String> MIGRATIONS_WITH_TEST_RECORD =
            List.of(JdbcRecordsSink.MIGRATIONS, "classpath:db/test-migration/{vendor}");

    /** Where the sink writes (used to read back). */
    abstract DataSource dataSource();

    abstract JdbcRecordsSink sink(int batchSize);

    /** The test_record table as SQL may name it from {@link #dataSource()}. */
    abstract String table();

    @Test
    void storesEveryTypeExactly() throws Exception {
        deliver(
                sink(2),
                List.of(
                        TestRecord.of("a", "USD", "1000.00", "2024-01-01T10:15:30Z", 3L, "refund, \"partial\""),
                        TestRecord.of("b", "EUR", "-0.30", "2024-01-01T23:59:59.123456Z", -1L, null),
                        TestRecord.of("c", "JPY", "0.0000000123456789", "1970-01-01T00:00:00Z", null, ""),
                        TestRecord.of("d", "USD", "12345678901234567890.12", null, Long.MAX_VALUE, "ü€")));

        List<Object[]> rows =
                rows("SELECT id, currency, amount, posted_at, quantity, note FROM " + table() + " ORDER BY id");
        assertThat(rows).hasSize(4);
        assertRow(rows.get(0), "a", "USD", "1000.00", Instant.parse("2024-01-01T10:15:30Z"), 3L, "refund, \"partial\"");
        assertRow(rows.get(1), "b", "EUR", "-0.30", Instant.parse("2024-01-01T23:59:59.123456Z"), -1L, null);
        assertRow(rows.get(2), "c", "JPY", "0.0000000123456789", Instant.EPOCH, null, "");
        assertRow(rows.get(3), "d", "USD", "12345678901234567890.12", null, Long.MAX_VALUE, "ü€");
    }

    @Test
    void replayingAReportLeavesOneRowPerNaturalKey() throws Exception {
        List<TestRecord> first = List.of(
                TestRecord.of("a", "USD", "1.00", "2024-01-01T00:00:00Z", 1L, "first"),
                TestRecord.of("b", "USD", "2.00", "2024-01-01T00:00:00Z", 1L, "first"),
                TestRecord.of("c", "EUR", "3.00", "2024-01-01T00:00:00Z", 1L, "first"));
        deliver(sink(2), first);
        deliver(sink(2), first);
        deliver(sink(500), List.of(TestRecord.of("b", "USD", "2.50", "2024-01-01T00:00:00Z", 2L, "corrected")));

        List<Object[]> rows = rows("SELECT id, amount, note FROM " + table() + " ORDER BY id");
        assertThat(rows).extracting(row -> row[0]).containsExactly("a", "b", "c");
        assertThat((BigDecimal) rows.get(1)[1]).isEqualByComparingTo("2.50");
        assertThat(rows.get(1)[2]).isEqualTo("corrected");
    }

    @Test
    void aReportRedeliveredOverSomeOfItsKeysEndsWithEachRowOnceAndItsLatestValues() throws Exception {
        deliver(
                sink(500),
                List.of(
                        TestRecord.of("a", "USD", "1.00", "2024-01-01T00:00:00Z", 1L, "first"),
                        TestRecord.of("c", "EUR", "3.00", "2024-01-01T00:00:00Z", 1L, "first"),
                        TestRecord.of("z", "GBP", "9.00", "2024-01-01T00:00:00Z", 1L, "other report")));
        List<TestRecord> redelivered = List.of(
                TestRecord.of("a", "USD", "1.10", "2024-01-02T00:00:00Z", 2L, "latest"),
                TestRecord.of("b", "USD", "2.00", "2024-01-02T00:00:00Z", 2L, "new"),
                TestRecord.of("c", "EUR", "3.30", null, null, null),
                TestRecord.of("d", "EUR", "4.00", "2024-01-02T00:00:00Z", 2L, "new"));

        try (ReportWriter<TestRecord> writer = sink(500).open(REPORT, TestRecord.LAYOUT)) {
            int passes = 0;
            do {
                passes++;
                redelivered.forEach(record -> write(writer, record));
            } while (writer.wantsRecordsAgain());
            writer.commit();
            assertThat(writer.count()).isEqualTo(redelivered.size());
            assertThat(passes).isEqualTo(expectedPassesOverKeysAlreadyStored());
        }

        List<Object[]> rows =
                rows("SELECT id, currency, amount, posted_at, quantity, note FROM " + table() + " ORDER BY id");
        assertThat(rows).extracting(row -> row[0]).containsExactly("a", "b", "c", "d", "z");
        assertRow(rows.get(0), "a", "USD", "1.10", Instant.parse("2024-01-02T00:00:00Z"), 2L, "latest");
        assertRow(rows.get(1), "b", "USD", "2.00", Instant.parse("2024-01-02T00:00:00Z"), 2L, "new");
        assertRow(rows.get(2), "c", "EUR", "3.30", null, null, null);
        assertRow(rows.get(3), "d", "EUR", "4.00", Instant.parse("2024-01-02T00:00:00Z"), 2L, "new");
        assertRow(rows.get(4), "z", "GBP", "9.00", Instant.parse("2024-01-01T00:00:00Z"), 1L, "other report");
    }

    @Test
    void twoAccountsWhoseReportIdsCollideEachKeepTheirRowsAndReplaysTouchOnlyTheirOwn() throws Exception {
        ReportContext eu = new ReportContext(
                REPORT.jobId(), "eu", REPORT.reportId(), REPORT.reportType(), REPORT.dataStart(), REPORT.dataEnd());
        deliver(sink(500), REPORT, List.of(TestRecord.of("a", "USD", "1.00", null, 1L, "default's")));
        deliver(sink(500), eu, List.of(TestRecord.of("a", "EUR", "2.00", null, 1L, "eu's")));
        deliver(sink(500), eu, List.of(TestRecord.of("a", "EUR", "2.50", null, 2L, "eu's, replayed")));

        assertThat(rows("SELECT account, id, currency, note FROM " + table() + " ORDER BY account"))
                .containsExactly(
                        new Object[] {"default", "a", "USD", "default's"},
                        new Object[] {"eu", "a", "EUR", "eu's, replayed"});
    }

    /** How often a writer reads a report whose keys are partly stored: PostgreSQL's COPY tries the table first. */
    abstract int expectedPassesOverKeysAlreadyStored();

    private static void write(ReportWriter<TestRecord> writer, TestRecord record) {
        try {
            writer.write(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyTwiceInOneReportKeepsItsLastRow() throws Exception {
        deliver(
                sink(500),
                List.of(
                        TestRecord.of("a", "USD", "1.00", "2024-01-01T00:00:00Z", 1L, "first"),
                        TestRecord.of("b", "USD", "2.00", "2024-01-01T00:00:00Z", 1L, "only"),
                        TestRecord.of("a", "USD", "1.50", "2024-01-01T00:00:00Z", 2L, "last")));

        List<Object[]> rows = rows("SELECT id, amount, note FROM " + table() + " ORDER BY id");
        assertThat(rows).extracting(row -> row[0]).containsExactly("a", "b");
        assertThat((BigDecimal) rows.get(0)[1]).isEqualByComparingTo("1.50");
        assertThat(rows.get(0)[2]).isEqualTo("last");
    }

    @Test
    void sumsPerCurrencyMatchWhatWasSent() throws Exception {
        List<TestRecord> records = new ArrayList<>();
        Map<String, BigDecimal> expected = new HashMap<>();
        String[] currencies = {"USD", "EUR", "GBP"};
        for (int i = 0; i < 1234; i++) {
            String currency = currencies[i % 3];
            BigDecimal amount = BigDecimal.valueOf((i * 7919L % 200_001) - 100_000, 2); // -1000.00 .. 1000.00
            records.add(new TestRecord("r" + i, currency, amount, Instant.EPOCH.plusSeconds(i), (long) i, null));
            expected.merge(currency, amount, BigDecimal::add);
        }
        deliver(sink(100), records);

        Map<String, BigDecimal> sums = new HashMap<>();
        for (Object[] row : rows("SELECT currency, SUM(amount) FROM " + table() + " GROUP BY currency")) {
            sums.put((String) row[0], (BigDecimal) row[1]);
        }
        assertThat(sums).containsOnlyKeys(expected.keySet());
        expected.forEach(
                (currency, sum) -> assertThat(sums.get(currency)).as(currency).isEqualByComparingTo(sum));
    }

    @Test
    void closingWithoutCommitRollsBackTheWholeReport() throws Exception {
        deliver(sink(2), List.of(TestRecord.of("kept", "USD", "1.00", null, null, "committed")));

        try (ReportWriter<TestRecord> writer = sink(2).open(REPORT, TestRecord.LAYOUT)) {
            writer.write(TestRecord.of("kept", "USD", "9.99", null, null, "overwritten?"));
            writer.write(TestRecord.of("new1", "USD", "1.00", null, null, null)); // first batch executed here
            writer.write(TestRecord.of("new2", "USD", "1.00", null, null, null));
            assertThat(writer.count()).isEqualTo(3);
        }

        assertThat(rows("SELECT id, note FROM " + table())).containsExactly(new Object[] {"kept", "committed"});
    }

    @Test
    void aFailedBatchFailsTheReportAndKeepsNothing() throws Exception {
        JdbcRecordsSink sink = sink(10);
        try (ReportWriter<TestRecord> writer = sink.open(REPORT, TestRecord.LAYOUT)) {
            writer.write(TestRecord.of("ok", "USD", "1.00", null, null, null));
            writer.write(TestRecord.of(null, "USD", "1.00", null, null, "no key")); // primary key cannot be null
            assertThatThrownBy(writer::commit).isInstanceOf(SQLException.class);
        }
        assertThat(rows("SELECT id FROM " + table())).isEmpty();
    }

    void deliver(JdbcRecordsSink sink, List<TestRecord> records) throws Exception {
        deliver(sink, REPORT, records);
    }

    void deliver(JdbcRecordsSink sink, ReportContext report, List<TestRecord> records) throws Exception {
        try (ReportWriter<TestRecord> writer = sink.open(report, TestRecord.LAYOUT)) {
            do {
                for (TestRecord record : records) {
                    writer.write(record);
                }
            } while (writer.wantsRecordsAgain());
            writer.commit();
            assertThat(writer.count()).isEqualTo(records.size());
        }
    }

    List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    String type = result.getMetaData().getColumnTypeName(i + 1).toLowerCase(Locale.ROOT);
                    row[i] = type.contains("time")
                            ? result.getObject(i + 1, OffsetDateTime.class)
                            : result.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void assertRow(
            Object[] row, String id, String currency, String amount, Instant postedAt, Long quantity, String note) {
        assertThat(row[0]).isEqualTo(id);
        assertThat(row[1]).isEqualTo(currency);
        assertThat((BigDecimal) row[2]).isEqualByComparingTo(amount);
        assertThat(row[3] == null ? null : ((OffsetDateTime) row[3]).toInstant())
                .isEqualTo(postedAt);
        assertThat(row[4]).isEqualTo(quantity);
        assertThat(row[5]).isEqualTo(note);
    }
}
