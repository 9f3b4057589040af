package io.payreports.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads what the JDBC sink stored (PostgreSQL or H2, the tables of the record migrations) for one reconciliation.
 * Names are unquoted: both databases fold them to the case the sink created them in.
 */
public final class RecordsDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final String prefix;

    /** @param schema the jdbc sink's schema, or null for the connection's default */
    public RecordsDatabase(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.prefix = schema == null || schema.isBlank() ? "" : schema + '.';
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * The account's rows of settlements that ended from {@code start} on (later ones too: they settle the captures
     * of the period), its payouts within the window around [start, until), and its completed captures and refunds
     * created in [start, until). Other accounts' records in the same tables are not the account's books.
     */
    public StoredRecords read(String account, Instant start, Instant until, Duration payoutWindow) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Payout> payouts = new ArrayList<>(
                    disbursements(connection, account, start.minus(payoutWindow), until.plus(payoutWindow)));
            payouts.addAll(spApiTransfers(connection, account, start.minus(payoutWindow), until.plus(payoutWindow)));
            List<OrderTransaction> orders = new ArrayList<>(captures(connection, account, start, until));
            orders.addAll(refunds(connection, account, start, until));
            return new StoredRecords(settlementRows(connection, account, start), payouts, orders);
        }
    }

    private List<SettlementRow> settlementRows(Connection connection, String account, Instant start)
            throws SQLException {
        return select(
                connection,
                "SELECT report_id, line_number, settlement_id, settlement_end_date, transaction_type,"
                        + " amazon_transaction_id, amazon_order_reference_id, currency_code, transaction_amount,"
                        + " total_transaction_fee, net_transaction_amount, transaction_posted_date,"
                        + " transaction_posted_date_raw FROM " + prefix + "amazonpay_settlement"
                        + " WHERE account = ? AND settlement_end_date >= ? ORDER BY settlement_id, report_id, line_number",
                rs -> {
                    String currency = rs.getString("currency_code");
                    return new SettlementRow(
                            rs.getString("report_id"),
                            rs.getLong("line_number"),
                            rs.getString("settlement_id"),
                            instant(rs, "settlement_end_date"),
                            rs.getString("transaction_type"),
                            rs.getString("amazon_transaction_id"),
                            rs.getString("amazon_order_reference_id"),
                            amount(rs, "transaction_amount", currency),
                            amount(rs, "total_transaction_fee", currency),
                            amount(rs, "net_transaction_amount", currency),
                            instant(rs, "transaction_posted_date"),
                            rs.getString("transaction_posted_date_raw"));
                },
                account,
                start);
    }

    private List<Payout> disbursements(Connection connection, String account, Instant from, Instant until)
            throws SQLException {
        return select(
                connection,
                "SELECT amazon_disbursement_reference_id, settlement_id, amount, currency_code, transaction_time"
                        + " FROM " + prefix + "amazonpay_disbursement WHERE account = ? AND transaction_time >= ?"
                        + " AND transaction_time < ? ORDER BY transaction_time, amazon_disbursement_reference_id",
                rs -> new Payout(
                        Payout.AMAZONPAY_DISBURSEMENT,
                        rs.getString("amazon_disbursement_reference_id"),
                        rs.getString("settlement_id"),
                        amount(rs, "amount", rs.getString("currency_code")),
                        instant(rs, "transaction_time"),
                        null,
                        rs.getString("amazon_disbursement_reference_id")),
                account,
                from,
                until);
    }

    /** SP-API Transfer transactions debit the seller's Amazon balance: the bank receives the negated total. */
    private List<Payout> spApiTransfers(Connection connection, String account, Instant from, Instant until)
            throws SQLException {
        return select(
                connection,
                "SELECT transaction_id, posted_date, posted_date_raw, total_amount, total_currency,"
                        + " related_identifiers FROM " + prefix + "spapi_transaction"
                        + " WHERE account = ? AND transaction_type = 'Transfer' AND posted_date >= ? AND posted_date < ?"
                        + " ORDER BY posted_date, transaction_id",
                rs -> {
                    Map<String, String> ids = relatedIdentifiers(rs.getString("related_identifiers"));
                    return new Payout(
                            Payout.SPAPI_TRANSFER,
                            ids.getOrDefault("TRANSFER_ID", rs.getString("transaction_id")),
                            ids.get("SETTLEMENT_ID"),
                            amount(rs, "total_amount", rs.getString("total_currency"))
                                    .negate(),
                            instant(rs, "posted_date"),
                            rs.getString("posted_date_raw"),
                            ids.get("DISBURSEMENT_ID"));
                },
                account,
                from,
                until);
    }

    /** Captures that went through; Closed ones did too (Amazon closes a capture once it is fully refunded). */
    private List<OrderTransaction> captures(Connection connection, String account, Instant from, Instant until)
            throws SQLException {
        return orderTransactions(
                connection,
                account,
                "SELECT amazon_capture_id AS id, amazon_order_reference_id, capture_amount AS amount, currency_code,"
                        + " creation_timestamp, creation_timestamp_raw FROM " + prefix + "amazonpay_capture"
                        + " WHERE capture_status IN ('Completed', 'Closed')",
                OrderTransaction.Kind.CAPTURE,
                from,
                until);
    }

    private List<OrderTransaction> refunds(Connection connection, String account, Instant from, Instant until)
            throws SQLException {
        return orderTransactions(
                connection,
                account,
                "SELECT amazon_refund_id AS id, amazon_order_reference_id, refund_amount AS amount, currency_code,"
                        + " creation_timestamp, creation_timestamp_raw FROM " + prefix + "amazonpay_refund"
                        + " WHERE refund_status = 'Completed'",
                OrderTransaction.Kind.REFUND,
                from,
                until);
    }

    /** One per id: a transaction report lists a capture again when its status changes. */
    private static List<OrderTransaction> orderTransactions(
            Connection connection,
            String account,
            String select,
            OrderTransaction.Kind kind,
            Instant from,
            Instant until)
            throws SQLException {
        Map<String, OrderTransaction> byId = new LinkedHashMap<>();
        select(
                        connection,
                        select + " AND account = ? AND creation_timestamp >= ? AND creation_timestamp < ?"
                                + " ORDER BY creation_timestamp, report_id, line_number",
                        rs -> new OrderTransaction(
                                kind,
                                rs.getString("id"),
                                rs.getString("amazon_order_reference_id"),
                                amount(rs, "amount", rs.getString("currency_code")),
                                instant(rs, "creation_timestamp"),
                                rs.getString("creation_timestamp_raw")),
                        account,
                        from,
                        until)
                .forEach(transaction -> byId.put(transaction.id(), transaction));
        return List.copyOf(byId.values());
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of a query whose parameters are the account, then instants, bound as UTC times. */
    private static <T> List<T> select(
            Connection connection, String sql, RowReader<T> reader, String account, Instant... times)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, account);
            for (int i = 0; i < times.length; i++) {
                statement.setObject(i + 2, OffsetDateTime.ofInstant(times[i], ZoneOffset.UTC));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
        }
        return rows;
    }

    static Map<String, String> relatedIdentifiers(String json) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return ids;
        }
        try {
            for (JsonNode identifier : JSON.readTree(json)) {
                ids.putIfAbsent(
                        identifier.path("relatedIdentifierName").asText(),
                        identifier.path("relatedIdentifierValue").asText());
            }
        } catch (java.io.IOException e) {
            // stored as Amazon sent it; a transfer without readable identifiers is still matched by amount
            return ids;
        }
        return ids;
    }

    private static Amount amount(ResultSet rs, String column, String currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return new Amount(value == null ? BigDecimal.ZERO : value, currency == null ? "" : currency);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
