package io.payreports.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.sinks.JdbcRecordsSink;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A run and every item in the reconciliation tables, column by column (H2 in memory, the record migrations). */
class ReconciliationStoreTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    @Test
    void aRunIsStoredWithItsCountsTolerancesAndEveryItemInOrder() throws Exception {
        RecordsDatabase database = migratedDatabase();
        List<Item> items = new ArrayList<>(List.of(
                new Item(
                        Check.SETTLEMENT_CLOSES,
                        Reason.UNBALANCED,
                        "S1",
                        "EUR",
                        new BigDecimal("100.00"),
                        new BigDecimal("99.99"),
                        new BigDecimal("-0.01"),
                        AT,
                        "2026-03-02T10:30:00+0100",
                        "2 rows"),
                new Item(
                        Check.PAYOUT_ARRIVES,
                        Reason.TRANSFER_WITHOUT_SETTLEMENT,
                        "T1",
                        "JPY",
                        null,
                        new BigDecimal("500"),
                        null,
                        null,
                        null,
                        null)));
        // past one batch of inserts
        for (int i = 0; i < 500; i++) {
            items.add(new Item(
                    Check.ORDERS_COMPLETE,
                    Reason.SETTLED,
                    "C" + i,
                    "USD",
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ZERO,
                    AT,
                    null,
                    ""));
        }
        ReconciliationResult result = new ReconciliationResult(
                "run-1",
                "shop",
                LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28"),
                AT,
                new Tolerances(1, 2, 3),
                items);

        new ReconciliationStore(database).save(result);

        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet run = statement.executeQuery("SELECT * FROM reconciliation_run")) {
                assertThat(run.next()).isTrue();
                assertThat(run.getString("run_id")).isEqualTo("run-1");
                assertThat(run.getString("account")).isEqualTo("shop");
                assertThat(run.getObject("from_date", LocalDate.class)).isEqualTo("2026-02-01");
                assertThat(run.getObject("to_date", LocalDate.class)).isEqualTo("2026-02-28");
                assertThat(run.getObject("started_at", OffsetDateTime.class).toInstant())
                        .isEqualTo(AT);
                assertThat(run.getBoolean("balanced")).isFalse();
                assertThat(run.getLong("items")).isEqualTo(502);
                assertThat(run.getLong("unmatched")).isEqualTo(1);
                assertThat(run.getLong("pending")).isEqualTo(1);
                assertThat(run.getLong("amount_tolerance_minor_units")).isEqualTo(1);
                assertThat(run.getLong("payout_window_days")).isEqualTo(2);
                assertThat(run.getLong("unsettled_capture_days")).isEqualTo(3);
                assertThat(run.next()).isFalse();
            }
            try (ResultSet item = statement.executeQuery("SELECT * FROM reconciliation_item ORDER BY item_number")) {
                assertThat(item.next()).isTrue();
                assertThat(item.getString("run_id")).isEqualTo("run-1");
                assertThat(item.getLong("item_number")).isEqualTo(1);
                assertThat(item.getString("account")).isEqualTo("shop");
                assertThat(item.getString("check_name")).isEqualTo("SETTLEMENT_CLOSES");
                assertThat(item.getString("status")).isEqualTo("UNMATCHED");
                assertThat(item.getString("reason")).isEqualTo("UNBALANCED");
                assertThat(item.getString("reference")).isEqualTo("S1");
                assertThat(item.getString("currency_code")).isEqualTo("EUR");
                assertThat(item.getBigDecimal("expected_amount")).isEqualByComparingTo("100.00");
                assertThat(item.getBigDecimal("actual_amount")).isEqualByComparingTo("99.99");
                assertThat(item.getBigDecimal("difference")).isEqualByComparingTo("-0.01");
                assertThat(item.getObject("occurred_at", OffsetDateTime.class).toInstant())
                        .isEqualTo(AT);
                assertThat(item.getString("occurred_at_raw")).isEqualTo("2026-03-02T10:30:00+0100");
                assertThat(item.getString("detail")).isEqualTo("2 rows");

                assertThat(item.next()).isTrue();
                assertThat(item.getLong("item_number")).isEqualTo(2);
                assertThat(item.getString("status")).isEqualTo("PENDING");
                assertThat(item.getBigDecimal("expected_amount")).isNull();
                assertThat(item.getBigDecimal("actual_amount")).isEqualByComparingTo("500");
                assertThat(item.getBigDecimal("difference")).isNull();
                assertThat(item.getObject("occurred_at")).isNull();
                assertThat(item.getString("occurred_at_raw")).isNull();
                assertThat(item.getString("detail")).isNull();

                int rows = 2;
                while (item.next()) {
                    rows++;
                    assertThat(item.getLong("item_number")).isEqualTo(rows);
                }
                assertThat(rows).isEqualTo(502);
            }
        }
    }

    @Test
    void aRunIsStoredOnceAndAFailedSaveLeavesNothingOfItself() throws Exception {
        RecordsDatabase database = migratedDatabase();
        ReconciliationResult result = new ReconciliationResult(
                "run-1",
                "shop",
                LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28"),
                AT,
                Tolerances.DEFAULTS,
                List.of());
        ReconciliationStore store = new ReconciliationStore(database);
        store.save(result);

        assertThatThrownBy(() -> store.save(result)).isInstanceOf(SQLException.class);

        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet runs = statement.executeQuery("SELECT COUNT(*) FROM reconciliation_run")) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(runs.next()).isTrue();
            assertThat(runs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void aSaveThatFailsAtItsItemsLeavesNoRun() throws Exception {
        RecordsDatabase database = migratedDatabase();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE reconciliation_item");
        }
        ReconciliationResult result = new ReconciliationResult(
                "run-1",
                "shop",
                LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28"),
                AT,
                Tolerances.DEFAULTS,
                List.of());

        assertThatThrownBy(() -> new ReconciliationStore(database).save(result)).isInstanceOf(SQLException.class);

        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet runs = statement.executeQuery("SELECT COUNT(*) FROM reconciliation_run")) {
            assertThat(runs.next()).isTrue();
            assertThat(runs.getLong(1)).isZero();
        }
    }

    private static RecordsDatabase migratedDatabase() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:reconciliation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcRecordsSink sink = new JdbcRecordsSink("jdbc", h2, 100, null, List.of(JdbcRecordsSink.MIGRATIONS));
        sink.migrate();
        return new RecordsDatabase(h2, null);
    }
}
