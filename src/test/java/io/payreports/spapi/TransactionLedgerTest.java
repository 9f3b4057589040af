package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.sinks.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a re-read of the lookback delivers again: only transactions that are new or whose JSON changed, per job. */
class TransactionLedgerTest {

    private static final Transaction SHIPMENT = transaction("T1", "2026-11-01T10:00:00Z", "17.50");
    private static final Transaction REFUND = transaction("T2", "2026-11-03T08:00:00Z", "-5.00");

    @TempDir
    Path dir;

    @Test
    void aTransactionIsUnseenUntilRememberedAndSeenAfter() throws Exception {
        TransactionLedger ledger = new TransactionLedger(database());

        assertThat(ledger.unseen("job-a", List.of(SHIPMENT, REFUND))).containsExactly(SHIPMENT, REFUND);
        ledger.remember("job-a", List.of(SHIPMENT));

        assertThat(ledger.unseen("job-a", List.of(SHIPMENT, REFUND))).containsExactly(REFUND);
    }

    @Test
    void aChangedTransactionIsUnseenAgainUntilItsNewVersionIsRemembered() throws Exception {
        TransactionLedger ledger = new TransactionLedger(database());
        ledger.remember("job-a", List.of(SHIPMENT));
        Transaction corrected = transaction("T1", "2026-11-01T10:00:00Z", "17.51");

        assertThat(ledger.unseen("job-a", List.of(corrected))).containsExactly(corrected);
        ledger.remember("job-a", List.of(corrected));

        assertThat(ledger.unseen("job-a", List.of(corrected))).isEmpty();
        assertThat(ledger.unseen("job-a", List.of(SHIPMENT))).containsExactly(SHIPMENT);
    }

    @Test
    void eachJobHasItsOwnLedger() throws Exception {
        TransactionLedger ledger = new TransactionLedger(database());
        ledger.remember("job-a", List.of(SHIPMENT));

        assertThat(ledger.unseen("job-b", List.of(SHIPMENT))).containsExactly(SHIPMENT);
    }

    @Test
    void forgettingDropsOnlyTheJobsTransactionsPostedBeforeTheInstant() throws Exception {
        DataSource database = database();
        TransactionLedger ledger = new TransactionLedger(database);
        Transaction undated = transaction("T3", null, "1.00");
        ledger.remember("job-a", List.of(SHIPMENT, REFUND, undated));
        ledger.remember("job-b", List.of(SHIPMENT));

        ledger.forgetBefore("job-a", Instant.parse("2026-11-03T08:00:00Z"));

        // a new ledger over the same table: what survives is in the database, not in memory
        TransactionLedger reopened = new TransactionLedger(database);
        assertThat(reopened.unseen("job-a", List.of(SHIPMENT, REFUND, undated))).containsExactly(SHIPMENT);
        assertThat(reopened.unseen("job-b", List.of(SHIPMENT))).isEmpty();
    }

    private DataSource database() {
        return TestDatabases.h2(dir);
    }

    private static Transaction transaction(String id, String postedDate, String total) {
        String posted = postedDate == null ? "" : "\"postedDate\":\"" + postedDate + "\",";
        return Transaction.of(SpApiJson.read(
                "{\"transactionId\":\"" + id + "\"," + posted
                        + "\"totalAmount\":{\"currencyCode\":\"EUR\",\"currencyAmount\":" + total + "}}",
                "test"));
    }
}
