package io.payreports.spapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of listTransactions (Finances API v2024-06-19): postedAfter (at or after), postedBefore
 * (before, not at) and an optional marketplaceId. Amazon returns nothing at all, without an error,
 * when the two dates are more than 180 days apart, so {@link TransactionWindows} never asks for more.
 */
public record TransactionsQuery(Instant postedAfter, Instant postedBefore, String marketplaceId) {

    /**
     * Query parameters; a next page repeats the filters with its token, as the model asks ("include the
     * same arguments as the call that produced the token").
     */
    public Map<String, String> parameters(String nextToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("postedAfter", dateTime(postedAfter));
        query.put("postedBefore", dateTime(postedBefore));
        if (marketplaceId != null && !marketplaceId.isBlank()) {
            query.put("marketplaceId", marketplaceId);
        }
        if (nextToken != null && !nextToken.isBlank()) {
            query.put("nextToken", nextToken);
        }
        return query;
    }

    /**
     * ISO 8601 in whole seconds ({@code 2026-10-30T23:19:16Z}), as the models' examples write dates:
     * a job's clock has nanoseconds that Amazon never shows. Rounding down only widens postedAfter;
     * windows end on whole seconds already.
     */
    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
