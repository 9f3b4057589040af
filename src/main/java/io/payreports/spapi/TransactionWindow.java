package io.payreports.spapi;

import java.time.Instant;

/** One listTransactions time window [postedAfter, postedBefore) of a run, numbered in run order. */
public record TransactionWindow(int number, Instant postedAfter, Instant postedBefore, String marketplaceId) {

    public TransactionsQuery query() {
        return new TransactionsQuery(postedAfter, postedBefore, marketplaceId);
    }
}
