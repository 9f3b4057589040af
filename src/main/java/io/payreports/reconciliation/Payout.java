package io.payreports.reconciliation;

import java.time.Instant;

/**
 * Money that left Amazon for the bank: an Amazon Pay disbursement ({@code amazonpay_disbursement}) or an SP-API
 * {@code Transfer} transaction ({@code spapi_transaction}). The amount is what the bank receives (positive), or
 * what Amazon debited (negative).
 *
 * @param settlementId the settlement it pays out when the source names it, else null
 */
public record Payout(String source, String id, String settlementId, Amount amount, Instant time, String timeRaw) {

    public static final String AMAZONPAY_DISBURSEMENT = "amazonpay-disbursement";
    public static final String SPAPI_TRANSFER = "spapi-transfer";

    String describe() {
        return source + ' ' + id + " of " + amount + " at " + (timeRaw == null ? time : timeRaw);
    }
}
