package io.payreports.reconciliation;

/** Why an item matched or not; the break reasons name what a finance team has to chase. */
public enum Reason {
    BALANCED(Status.MATCHED, "opening balance plus the rows' net equals the transfer"),
    RESERVE_HELD(Status.UNMATCHED, "a reserve row the transfer does not include: Amazon holds that amount"),
    FEE_ADJUSTED_LATER(Status.UNMATCHED, "a fee adjustment posted after the transfer: it moves to the next payout"),
    REFUND_NEXT_PERIOD(Status.UNMATCHED, "a refund posted after the transfer: the next payout carries it"),
    POSTED_AFTER_TRANSFER(Status.UNMATCHED, "a row posted after the transfer explains the difference"),
    UNBALANCED(Status.UNMATCHED, "the rows do not add up to the transfer and no row explains the difference"),
    NO_TRANSFER(Status.PENDING, "the period has no Transfer row (yet): nothing to close"),
    MATCHED_BY_ID(Status.MATCHED, "payout found by the settlement id"),
    MATCHED_BY_AMOUNT(Status.MATCHED, "payout found by amount, currency and date window"),
    NOTHING_TO_PAY(Status.MATCHED, "the transfer is zero: no payout expected"),
    PAYOUT_MISSING(Status.UNMATCHED, "no disbursement or SP-API transfer for this settlement"),
    PAYOUT_AMOUNT_DIFFERS(Status.UNMATCHED, "the payout for this settlement differs from its transfer"),
    PAYOUT_WITHOUT_SETTLEMENT(Status.UNMATCHED, "an Amazon Pay disbursement no stored settlement accounts for"),
    /** SP-API transfers pay out Seller Central balances, which have no settlement report here to close. */
    TRANSFER_WITHOUT_SETTLEMENT(
            Status.PENDING,
            "an SP-API transfer no Amazon Pay settlement claims: Seller Central periods are not closed here"),
    SETTLED(Status.MATCHED, "in a settlement, same amount"),
    SETTLED_AMOUNT_DIFFERS(Status.UNMATCHED, "in a settlement with another amount"),
    NOT_YET_SETTLED(Status.PENDING, "not in a settlement yet, within the unsettled-capture days"),
    NOT_SETTLED(Status.UNMATCHED, "not in any settlement after the unsettled-capture days");

    /** Matched, a difference to explain, or not due yet. */
    public enum Status {
        MATCHED,
        UNMATCHED,
        PENDING
    }

    private final Status status;
    private final String meaning;

    Reason(Status status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public Status status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }
}
