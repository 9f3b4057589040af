package io.payreports.reconciliation;

import java.time.Instant;

/** What the checks need of one stored settlement report row (table {@code amazonpay_settlement}). */
public record SettlementRow(
        String reportId,
        long lineNumber,
        String settlementId,
        Instant settlementEnd,
        String transactionType,
        String amazonTransactionId,
        String orderReferenceId,
        Amount amount,
        Amount totalFee,
        Amount net,
        Instant posted,
        String postedRaw) {

    static final String TRANSFER = "Transfer";

    boolean isTransfer() {
        return TRANSFER.equals(transactionType);
    }

    String where() {
        return "report " + reportId + " line " + lineNumber;
    }
}
