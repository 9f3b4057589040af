package io.payreports.spapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of listTransactions (seed 002): postedAfter (at or after, required), postedBefore
 * (before, not at) and an optional marketplaceId. Amazon returns nothing at all, without an error,
 * when the two dates are more than 180 days apart, so {@link TransactionWindows} never asks for more.
 */
public record TransactionsQuery(Instant postedAfter, Instant postedBefore, String marketplaceId) {

    /** Query parameters; a next page repeats the filters (postedAfter is required on every call) with its token. */
    public Map<String, String> parameters(String nextToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("postedAfter", postedAfter.toString());
        query.put("postedBefore", postedBefore.toString());
        if (marketplaceId != null && !marketplaceId.isBlank()) {
            query.put("marketplaceId", marketplaceId);
        }
        if (nextToken != null && !nextToken.isBlank()) {
            query.put("nextToken", nextToken);
        }
        return query;
    }
}
