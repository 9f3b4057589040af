package io.payreports.spapi;

import io.payreports.state.StateTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Amazon allows one on-demand payout per marketplace and account type in 24 hours (Transfers API v2024-06-01 reference). This
 * keeps that rule on our side, in the state database ({@code payreports_spapi_payout}, one row per
 * pair), so that a retry, a second node or an impatient operator cannot ask twice: a payout is
 * reserved by a single conditional UPDATE before Amazon is called, which only one caller can win.
 */
public final class PayoutGuard {

    public static final Duration INTERVAL = Duration.ofHours(24);
    private static final Instant NEVER = Instant.parse("1970-01-01T00:00:00Z");

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS payreports_spapi_payout (
              marketplace_id VARCHAR(50) NOT NULL,
              account_type VARCHAR(100) NOT NULL,
              requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
              outcome VARCHAR(100) NOT NULL,
              payout_reference_id VARCHAR(200),
              PRIMARY KEY (marketplace_id, account_type))""";

    /** The last payout request of a pair: when, how it ended, and Amazon's reference if it was initiated. */
    public record LastPayout(Instant requestedAt, String outcome, String payoutReferenceId) {}

    private final StateTable table;

    public PayoutGuard(DataSource dataSource) {
        this.table = new StateTable(dataSource, CREATE);
    }

    /**
     * Reserves the pair's payout at {@code now}; answers the previous request (to give back with
     * {@link #release} when Amazon did not pay out), or empty when one is less than 24 h old.
     */
    public Optional<LastPayout> reserve(PayoutTarget target, Instant now) throws SQLException {
        try (Connection connection = table.connect()) {
            Optional<LastPayout> previous = last(connection, target);
            if (previous.isEmpty()) {
                insertNever(connection, target);
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE payreports_spapi_payout SET requested_at = ?, outcome = 'REQUESTED', payout_reference_id = NULL
                    WHERE marketplace_id = ? AND account_type = ? AND requested_at <= ?""")) {
                update.setObject(1, utc(now));
                update.setString(2, target.marketplaceId());
                update.setString(3, target.accountType());
                update.setObject(4, utc(now.minus(INTERVAL)));
                return update.executeUpdate() == 1
                        ? Optional.of(previous.orElse(new LastPayout(NEVER, "NONE", null)))
                        : Optional.empty();
            }
        }
    }

    /** Records how the reserved request ended (and the payoutReferenceId when Amazon initiated it). */
    public void record(PayoutTarget target, String outcome, String payoutReferenceId) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE payreports_spapi_payout SET outcome = ?, payout_reference_id = ? WHERE marketplace_id = ? AND account_type = ?")) {
            update.setString(1, outcome);
            update.setString(2, payoutReferenceId);
            update.setString(3, target.marketplaceId());
            update.setString(4, target.accountType());
            update.executeUpdate();
        }
    }

    /** Amazon said no payout happened (e.g. INSUFFICIENT_PAYOUT_AMOUNT): the pair is free again, as before the request. */
    public void release(PayoutTarget target, LastPayout previous, String outcome) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE payreports_spapi_payout SET requested_at = ?, outcome = ?, payout_reference_id = ? WHERE marketplace_id = ? AND account_type = ?")) {
            update.setObject(1, utc(previous.requestedAt()));
            update.setString(2, outcome);
            update.setString(3, previous.payoutReferenceId());
            update.setString(4, target.marketplaceId());
            update.setString(5, target.accountType());
            update.executeUpdate();
        }
    }

    public Optional<LastPayout> last(PayoutTarget target) throws SQLException {
        try (Connection connection = table.connect()) {
            return last(connection, target);
        }
    }

    private static Optional<LastPayout> last(Connection connection, PayoutTarget target) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT requested_at, outcome, payout_reference_id FROM payreports_spapi_payout WHERE marketplace_id = ? AND account_type = ?")) {
            select.setString(1, target.marketplaceId());
            select.setString(2, target.accountType());
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new LastPayout(
                                row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** A first row for the pair; a concurrent caller may have inserted it already, which is as good. */
    private static void insertNever(Connection connection, PayoutTarget target) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payreports_spapi_payout (marketplace_id, account_type, requested_at, outcome) VALUES (?, ?, ?, 'NONE')")) {
            insert.setString(1, target.marketplaceId());
            insert.setString(2, target.accountType());
            insert.setObject(3, utc(NEVER));
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
