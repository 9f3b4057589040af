package io.payreports.reconciliation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A sum of money with its currency. Arithmetic across currencies is refused rather than done: a
 * settlement in EUR never balances a payout in GBP, whatever the numbers.
 */
public record Amount(BigDecimal value, String currency) {

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
    }

    public static Amount zero(String currency) {
        return new Amount(BigDecimal.ZERO, currency);
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(sameCurrency(other).value), currency);
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(sameCurrency(other).value), currency);
    }

    public Amount negate() {
        return new Amount(value.negate(), currency);
    }

    /** Equal in value, whatever the scale each side was written with (1000 JPY and 1000.00 JPY). */
    public boolean sameValue(Amount other) {
        return value.compareTo(sameCurrency(other).value) == 0;
    }

    /**
     * Whether this difference is no larger than {@code minorUnits} of the currency's smallest unit: cents for
     * USD, EUR and GBP, whole yen for JPY (which has no minor unit).
     */
    public boolean withinTolerance(long minorUnits) {
        return value.abs().compareTo(smallestUnit(currency).multiply(BigDecimal.valueOf(minorUnits))) <= 0;
    }

    /** The currency's smallest unit (0.01 USD, 1 JPY); two decimals for a code the JDK does not know. */
    static BigDecimal smallestUnit(String currency) {
        return BigDecimal.ONE.movePointLeft(fractionDigits(currency));
    }

    static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /**
     * Plain text as a person expects it: the currency's decimals ({@code 12.50}, {@code 1000} for yen), more only
     * where the value has them (a fraction of a yen is shown, not rounded away).
     */
    public String text() {
        BigDecimal significant = value.stripTrailingZeros();
        return significant
                .setScale(Math.max(fractionDigits(currency), significant.scale()))
                .toPlainString();
    }

    private Amount sameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + other.text() + ' ' + other.currency + " with an amount in " + currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return text() + ' ' + currency;
    }
}
