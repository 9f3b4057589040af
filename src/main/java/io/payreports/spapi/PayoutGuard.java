package io.payreports.spapi;

import io.payreports.reports.ReportContext;
import io.payreports.state.StateTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Amazon allows one on-demand payout per marketplace and account type in 24 hours (Transfers API v2024-06-01 reference),
 * for each selling partner. This keeps that rule on our side, in the state database ({@code payreports_spapi_payout},
 * one row per merchant account and pair: one account's payout never holds back another's), so that a retry, a second node or an impatient operator cannot ask twice: a payout is
 * reserved by a single conditional UPDATE before Amazon is called, which only one caller can win.
 */
public final class PayoutGuard {

    public static final Duration INTERVAL = Duration.ofHours(24);
    private static final Instant NEVER = Instant.parse("1970-01-01T00:00:00Z");

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS payreports_spapi_payout (
              account VARCHAR(200) DEFAULT 'default' NOT NULL,
              marketplace_id VARCHAR(50) NOT NULL,
              account_type VARCHAR(100) NOT NULL,
              requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
              outcome VARCHAR(100) NOT NULL,
              payout_reference_id VARCHAR(200),
              PRIMARY KEY (account, marketplace_id, account_type))""";

    /** A table from before accounts existed: its payouts were the default account's. */
    private static final String ADD_ACCOUNT =
            "ALTER TABLE payreports_spapi_payout ADD COLUMN IF NOT EXISTS account VARCHAR(200) DEFAULT 'default' NOT NULL";

    private static final String PAIR = "account = ? AND marketplace_id = ? AND account_type = ?";

    /** The last payout request of a pair: when, how it ended, and Amazon's reference if it was initiated. */
    public record LastPayout(Instant requestedAt, String outcome, String payoutReferenceId) {}

    private final StateTable table;
    private final String account;
    private boolean keyedByAccount; // guarded by this

    /** The guard of the default account's payouts. */
    public PayoutGuard(DataSource dataSource) {
        this(dataSource, ReportContext.DEFAULT_ACCOUNT);
    }

    /** @param account the merchant account whose payouts this guard keeps apart */
    public PayoutGuard(DataSource dataSource, String account) {
        this.table = new StateTable(dataSource, CREATE, ADD_ACCOUNT);
        this.account = account;
    }

    private Connection connect() throws SQLException {
        Connection connection = table.connect();
        try {
            keyByAccountOnce(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A table from before accounts existed has its key without the account, which would let one account's payout
     * refuse another's: the key is widened once (neither database can change a primary key "if needed" in SQL).
     */
    private synchronized void keyByAccountOnce(Connection connection) throws SQLException {
        if (keyedByAccount) {
            return;
        }
        DatabaseMetaData metaData = connection.getMetaData();
        boolean h2 = "H2".equals(metaData.getDatabaseProductName());
        String name = h2 ? "PAYREPORTS_SPAPI_PAYOUT" : "payreports_spapi_payout";
        boolean hasAccount = false;
        String constraint = null;
        try (ResultSet key = metaData.getPrimaryKeys(null, connection.getSchema(), name)) {
            while (key.next()) {
                hasAccount |= "account".equalsIgnoreCase(key.getString("COLUMN_NAME"));
                constraint = key.getString("PK_NAME");
            }
        }
        if (!hasAccount && constraint != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE payreports_spapi_payout "
                        + (h2 ? "DROP PRIMARY KEY" : "DROP CONSTRAINT " + constraint));
                statement.execute(
                        "ALTER TABLE payreports_spapi_payout ADD PRIMARY KEY (account, marketplace_id, account_type)");
            }
        }
        keyedByAccount = true;
    }

    /**
     * Reserves the pair's payout at {@code now}; answers the previous request (to give back with
     * {@link #release} when Amazon did not pay out), or empty when one is less than 24 h old.
     */
    public Optional<LastPayout> reserve(PayoutTarget target, Instant now) throws SQLException {
        try (Connection connection = connect()) {
            Optional<LastPayout> previous = last(connection, target);
            if (previous.isEmpty()) {
                insertNever(connection, target);
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE payreports_spapi_payout SET requested_at = ?, outcome = 'REQUESTED', payout_reference_id = NULL
                    WHERE account = ? AND marketplace_id = ? AND account_type = ? AND requested_at <= ?""")) {
                update.setObject(1, utc(now));
                update.setString(2, account);
                update.setString(3, target.marketplaceId());
                update.setString(4, target.accountType());
                update.setObject(5, utc(now.minus(INTERVAL)));
                return update.executeUpdate() == 1
                        ? Optional.of(previous.orElse(new LastPayout(NEVER, "NONE", null)))
                        : Optional.empty();
            }
        }
    }

    /** Records how the reserved request ended (and the payoutReferenceId when Amazon initiated it). */
    public void record(PayoutTarget target, String outcome, String payoutReferenceId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE payreports_spapi_payout SET outcome = ?, payout_reference_id = ? WHERE " + PAIR)) {
            update.setString(1, outcome);
            update.setString(2, payoutReferenceId);
            update.setString(3, account);
            update.setString(4, target.marketplaceId());
            update.setString(5, target.accountType());
            update.executeUpdate();
        }
    }

    /** Amazon said no payout happened (e.g. INSUFFICIENT_PAYOUT_AMOUNT): the pair is free again, as before the request. */
    public void release(PayoutTarget target, LastPayout previous, String outcome) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE payreports_spapi_payout SET requested_at = ?, outcome = ?, payout_reference_id = ? WHERE "
                                + PAIR)) {
            update.setObject(1, utc(previous.requestedAt()));
            update.setString(2, outcome);
            update.setString(3, previous.payoutReferenceId());
            update.setString(4, account);
            update.setString(5, target.marketplaceId());
            update.setString(6, target.accountType());
            update.executeUpdate();
        }
    }

    public Optional<LastPayout> last(PayoutTarget target) throws SQLException {
        try (Connection connection = connect()) {
            return last(connection, target);
        }
    }

    private Optional<LastPayout> last(Connection connection, PayoutTarget target) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT requested_at, outcome, payout_reference_id FROM payreports_spapi_payout WHERE " + PAIR)) {
            select.setString(1, account);
            select.setString(2, target.marketplaceId());
            select.setString(3, target.accountType());
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new LastPayout(
                                row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** A first row for the account's pair; a concurrent caller may have inserted it already, which is as good. */
    private void insertNever(Connection connection, PayoutTarget target) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payreports_spapi_payout (account, marketplace_id, account_type, requested_at, outcome)"
                        + " VALUES (?, ?, ?, ?, 'NONE')")) {
            insert.setString(1, account);
            insert.setString(2, target.marketplaceId());
            insert.setString(3, target.accountType());
            insert.setObject(4, utc(NEVER));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
