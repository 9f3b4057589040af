package io.payreports.reconciliation;

/**
 * How far the records may disagree and still count as matched.
 *
 * @param amountMinorUnits     largest difference accepted, in the currency's smallest unit (cents; yen for JPY)
 * @param payoutWindowDays     days a payout may lie before or after its settlement's transfer when matched by amount
 * @param unsettledCaptureDays days after which a capture or refund missing from every settlement is a difference
 *                             (before that it is only pending)
 */
public record Tolerances(long amountMinorUnits, int payoutWindowDays, int unsettledCaptureDays) {

    public static final Tolerances DEFAULTS = new Tolerances(0, 5, 14);

    public Tolerances {
        if (amountMinorUnits < 0 || payoutWindowDays < 0 || unsettledCaptureDays < 0) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }
}
