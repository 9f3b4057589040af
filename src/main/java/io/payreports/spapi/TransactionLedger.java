package io.payreports.spapi;

import io.payreports.state.StateTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Which transactions of the lookback period a job already delivered, and in what version (a hash of
 * Amazon's JSON), in the state database ({@code payreports_spapi_transaction}). Re-reading the
 * lookback then delivers only what is new or changed, while the sinks' upsert stays the safety net.
 * Rows older than the lookback are forgotten, so the table stays small.
 */
public final class TransactionLedger {

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS payreports_spapi_transaction (
              job_id VARCHAR(200) NOT NULL,
              transaction_id VARCHAR(200) NOT NULL,
              fingerprint VARCHAR(64) NOT NULL,
              posted_date TIMESTAMP WITH TIME ZONE,
              PRIMARY KEY (job_id, transaction_id))""";

    private final StateTable table;

    public TransactionLedger(DataSource dataSource) {
        this.table = new StateTable(dataSource, CREATE);
    }

    /** The transactions of the list not delivered before in this version. */
    public List<Transaction> unseen(String jobId, List<Transaction> transactions) throws SQLException {
        List<Transaction> unseen = new ArrayList<>();
        try (Connection connection = table.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT fingerprint FROM payreports_spapi_transaction WHERE job_id = ? AND transaction_id = ?")) {
            for (Transaction transaction : transactions) {
                select.setString(1, jobId);
                select.setString(2, transaction.transactionId());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || !row.getString(1).equals(fingerprint(transaction))) {
                        unseen.add(transaction);
                    }
                }
            }
        }
        return unseen;
    }

    /** Notes the transactions as delivered, after every sink committed them. */
    public void remember(String jobId, List<Transaction> transactions) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM payreports_spapi_transaction WHERE job_id = ? AND transaction_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO payreports_spapi_transaction (job_id, transaction_id, fingerprint, posted_date) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            try {
                for (Transaction transaction : transactions) {
                    delete.setString(1, jobId);
                    delete.setString(2, transaction.transactionId());
                    delete.addBatch();
                    insert.setString(1, jobId);
                    insert.setString(2, transaction.transactionId());
                    insert.setString(3, fingerprint(transaction));
                    insert.setObject(
                            4,
                            transaction.postedDate() == null
                                    ? null
                                    : OffsetDateTime.ofInstant(transaction.postedDate(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Forgets transactions posted before {@code before}: no later run re-reads them. */
    public void forgetBefore(String jobId, Instant before) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM payreports_spapi_transaction WHERE job_id = ? AND posted_date < ?")) {
            delete.setString(1, jobId);
            delete.setObject(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            delete.executeUpdate();
        }
    }

    static String fingerprint(Transaction transaction) {
        return SpApiJson.sha256(SpApiJson.write(transaction.json()));
    }
}
