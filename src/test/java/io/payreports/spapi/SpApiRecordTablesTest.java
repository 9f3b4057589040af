package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.sinks.JdbcRecordsSink;
import io.payreports.sinks.ReportWriter;
import io.payreports.sinks.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SP-API layouts against the tables their Flyway migrations (V2, V3) create, in H2 and in PostgreSQL. */
class SpApiRecordTablesTest {

    private static final Transaction TRANSACTION = Transaction.of(SpApiJson.read("""
            {"transactionId":"T1","transactionType":"Shipment","transactionStatus":"Released","postedDate":"2026-11-01T10:00:00Z",
             "totalAmount":{"currencyCode":"EUR","currencyAmount":17.50},
             "marketplaceDetails":{"marketplaceId":"A1PA6795UKMFR9","marketplaceName":"Amazon.de"},
             "relatedIdentifiers":[{"relatedIdentifierName":"ORDER_ID","relatedIdentifierValue":"303-1234567-1234567"}],
             "breakdowns":[{"breakdownType":"Sales","breakdownAmount":{"currencyCode":"EUR","currencyAmount":20.00}},
                           {"breakdownType":"Expenses","breakdownAmount":{"currencyCode":"EUR","currencyAmount":-2.50}}]}
            """, "test"));

    @TempDir
    Path dir;

    @Test
    void h2() throws Exception {
        DataSource h2 = TestDatabases.h2(dir);
        writeTwice(
                new JdbcRecordsSink(h2),
                h2,
                "\"SPAPI_TRANSACTION\"",
                "\"TOTAL_AMOUNT\"",
                "\"SPAPI_TRANSACTION_BREAKDOWN\"",
                "\"SPAPI_PAYMENT_METHOD\"");
    }

    @Test
    void postgresql() throws Exception {
        try (TestDatabases.PostgresSchema schema = new TestDatabases.PostgresSchema()) {
            JdbcRecordsSink sink = new JdbcRecordsSink(
                    "jdbc",
                    TestDatabases.PostgresSchema.defaultSchemaDataSource(),
                    500,
                    schema.name(),
                    List.of(JdbcRecordsSink.MIGRATIONS));
            writeTwice(
                    sink,
                    schema.dataSource(),
                    "spapi_transaction",
                    "total_amount",
                    "spapi_transaction_breakdown",
                    "spapi_payment_method");
        }
    }

    /** A re-read (lookback, restarted window) upserts: the second delivery leaves one row per key, the amount exact. */
    private static void writeTwice(
            JdbcRecordsSink sink,
            DataSource database,
            String transactions,
            String totalAmount,
            String lines,
            String methods)
            throws Exception {
        PaymentMethod card = new PaymentMethod("PI-1", "CARD", "677", "3", "2029", "US", null, null, "John Doe", null);
        // the Transfers model's own example lists a bank account under the same paymentMethodId
        PaymentMethod bank = new PaymentMethod(
                "PI-1",
                "BANK_ACCOUNT",
                "677",
                null,
                null,
                null,
                "ATVPDKIKX0DER",
                null,
                "John Doe",
                "DEFAULT_DEPOSIT_METHOD");
        for (int delivery = 0; delivery < 2; delivery++) {
            deliver(sink, TransactionLayout.INSTANCE, List.of(TRANSACTION));
            deliver(sink, BreakdownLineLayout.INSTANCE, BreakdownLine.of(TRANSACTION));
            deliver(sink, PaymentMethodLayout.INSTANCE, List.of(card, bank));
        }
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT COUNT(*) FROM " + transactions))
                    .isEqualTo(1L);
            assertThat(single(statement, "SELECT COUNT(*) FROM " + lines)).isEqualTo(2L);
            assertThat(single(statement, "SELECT COUNT(*) FROM " + methods)).isEqualTo(2L);
            try (ResultSet row = statement.executeQuery("SELECT " + totalAmount + " FROM " + transactions)) {
                row.next();
                assertThat(row.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("17.50"));
            }
        }
    }

    private static <T> void deliver(JdbcRecordsSink sink, RecordLayout<T> layout, List<T> records) throws Exception {
        ReportWriter<T> writer = sink.open(new ReportContext("spapi-test", "r1", "SPAPI_TEST", null, null), layout);
        try {
            // a second delivery meets its keys: the PostgreSQL writer asks for the records again (upsert)
            do {
                for (T record : records) {
                    writer.write(record);
                }
            } while (writer.wantsRecordsAgain());
            writer.commit();
        } finally {
            writer.close();
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
