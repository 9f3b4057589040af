package io.payreports.reconciliation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a run and its items to {@code reconciliation_run} and {@code reconciliation_item} of the records database
 * (created by the record migrations), in one transaction: a run is there whole or not at all.
 */
final class ReconciliationStore {

    private static final int BATCH = 500;

    private final RecordsDatabase database;

    ReconciliationStore(RecordsDatabase database) {
        this.database = database;
    }

    void save(ReconciliationResult result) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insertRun(connection, result);
                insertItems(connection, result);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void insertRun(Connection connection, ReconciliationResult result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + database.prefix()
                + "reconciliation_run (run_id, account, from_date, to_date, started_at, balanced, items, unmatched,"
                + " pending, amount_tolerance_minor_units, payout_window_days, unsettled_capture_days)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, result.runId());
            insert.setString(2, result.account());
            insert.setObject(3, result.from());
            insert.setObject(4, result.to());
            insert.setObject(5, OffsetDateTime.ofInstant(result.startedAt(), ZoneOffset.UTC));
            insert.setBoolean(6, result.balanced());
            insert.setLong(7, result.items().size());
            insert.setLong(8, result.unmatched().size());
            insert.setLong(
                    9,
                    result.items().stream()
                            .filter(item -> item.status() == Reason.Status.PENDING)
                            .count());
            insert.setLong(10, result.tolerances().amountMinorUnits());
            insert.setLong(11, result.tolerances().payoutWindowDays());
            insert.setLong(12, result.tolerances().unsettledCaptureDays());
            insert.executeUpdate();
        }
    }

    private void insertItems(Connection connection, ReconciliationResult result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + database.prefix()
                + "reconciliation_item (run_id, item_number, account, check_name, status, reason, reference,"
                + " currency_code, expected_amount, actual_amount, difference, occurred_at, occurred_at_raw, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            List<Item> items = result.items();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                insert.setString(1, result.runId());
                insert.setLong(2, i + 1L);
                insert.setString(3, result.account());
                insert.setString(4, item.check().name());
                insert.setString(5, item.status().name());
                insert.setString(6, item.reason().name());
                insert.setString(7, item.reference());
                insert.setString(8, item.currency());
                decimal(insert, 9, item.expected());
                decimal(insert, 10, item.actual());
                decimal(insert, 11, item.difference());
                if (item.when() == null) {
                    insert.setNull(12, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(12, OffsetDateTime.ofInstant(item.when(), ZoneOffset.UTC));
                }
                insert.setString(13, item.whenRaw());
                insert.setString(14, item.detail());
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void decimal(PreparedStatement insert, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NUMERIC);
        } else {
            insert.setBigDecimal(index, value);
        }
    }
}
