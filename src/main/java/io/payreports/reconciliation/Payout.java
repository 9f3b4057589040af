package io.payreports.reconciliation;

import java.time.Instant;

/**
 * Money that left Amazon for the bank: an Amazon Pay disbursement ({@code amazonpay_disbursement}) or an SP-API
 * {@code Transfer} transaction ({@code spapi_transaction}). The amount is what the bank receives (positive), or
 * what Amazon debited (negative).
 *
 * @param settlementId   the settlement it pays out when the source names it, else null
 * @param disbursementId Amazon's disbursement reference: a disbursement's own id, an SP-API transfer's
 *                       {@code DISBURSEMENT_ID}; else null. Two sources naming the same one saw the same payout.
 */
public record Payout(
        String source,
        String id,
        String settlementId,
        Amount amount,
        Instant time,
        String timeRaw,
        String disbursementId) {

    public static final String AMAZONPAY_DISBURSEMENT = "amazonpay-disbursement";
    public static final String SPAPI_TRANSFER = "spapi-transfer";

    /** A payout that names no disbursement reference. */
    public Payout(String source, String id, String settlementId, Amount amount, Instant time, String timeRaw) {
        this(source, id, settlementId, amount, time, timeRaw, null);
    }

    /**
     * Whether {@code other} is this payout as another source recorded it: an SP-API Transfer of an Amazon Pay
     * disbursement names its settlement or its disbursement reference.
     */
    boolean sameMoneyAs(Payout other) {
        return !source.equals(other.source)
                && amount.currency().equals(other.amount.currency())
                && ((settlementId != null && settlementId.equals(other.settlementId))
                        || (disbursementId != null && disbursementId.equals(other.disbursementId)));
    }

    String describe() {
        return source + ' ' + id + " of " + amount + " at " + (timeRaw == null ? time : timeRaw);
    }
}
