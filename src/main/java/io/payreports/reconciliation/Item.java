package io.payreports.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a check: what was looked for ({@code reference}: a settlement id, a capture id, a payout id),
 * what was expected and found, in one currency, and why it matched or not.
 *
 * @param expected   what the records say should be there, null when nothing was expected (a stray payout)
 * @param actual     what was found, null when nothing was
 * @param difference actual minus expected, or the unexplained amount; null when one side is absent
 * @param when       the moment the item is about, in UTC
 * @param whenRaw    that moment as the source wrote it (with its own offset), or null
 * @param detail     the rows or payouts that explain it, for a person to read
 */
public record Item(
        Check check,
        Reason reason,
        String reference,
        String currency,
        BigDecimal expected,
        BigDecimal actual,
        BigDecimal difference,
        Instant when,
        String whenRaw,
        String detail) {

    public Reason.Status status() {
        return reason.status();
    }

    public boolean unmatched() {
        return reason.status() == Reason.Status.UNMATCHED;
    }

    /** The amount a difference is about: the difference, else whichever side exists. */
    public BigDecimal amountAtStake() {
        if (difference != null) {
            return difference;
        }
        return actual != null ? actual : expected == null ? BigDecimal.ZERO : expected;
    }
}
