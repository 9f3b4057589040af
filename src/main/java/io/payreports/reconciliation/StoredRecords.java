package io.payreports.reconciliation;

import java.util.List;

/** What the sinks stored that one reconciliation looks at. */
public record StoredRecords(
        List<SettlementRow> settlementRows, List<Payout> payouts, List<OrderTransaction> orderTransactions) {

    public StoredRecords {
        settlementRows = List.copyOf(settlementRows);
        payouts = List.copyOf(payouts);
        orderTransactions = List.copyOf(orderTransactions);
    }
}
