package io.payreports.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The money rules: exact decimals, one currency at a time, the currency's own smallest unit. */
class AmountTest {

    private static Amount usd(String value) {
        return new Amount(new BigDecimal(value), "USD");
    }

    private static Amount jpy(String value) {
        return new Amount(new BigDecimal(value), "JPY");
    }

    @Test
    void currenciesAreNeverMixed() {
        assertThatThrownBy(() -> usd("1.00").plus(jpy("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine 1 JPY with an amount in USD");
        assertThatThrownBy(() -> usd("1.00").minus(new Amount(BigDecimal.ONE, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd("1.00").sameValue(jpy("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sumsAreExact() {
        Amount sum = usd("0.10").plus(usd("0.20"));
        assertThat(sum.value()).isEqualByComparingTo("0.30");
        assertThat(sum.minus(usd("0.30")).value().signum()).isZero();
        assertThat(usd("5.00").negate().value()).isEqualByComparingTo("-5");
    }

    @Test
    void valuesCompareWhateverTheirScale() {
        assertThat(jpy("1000").sameValue(jpy("1000.00"))).isTrue();
        assertThat(usd("41512.1").sameValue(usd("41512.10"))).isTrue();
        assertThat(usd("1.01").sameValue(usd("1.00"))).isFalse();
    }

    @Test
    void theToleranceIsInTheCurrencysSmallestUnit() {
        assertThat(usd("0.01").withinTolerance(1)).isTrue();
        assertThat(usd("-0.01").withinTolerance(1)).isTrue();
        assertThat(usd("0.011").withinTolerance(1)).isFalse();
        assertThat(usd("0.01").withinTolerance(0)).isFalse();
        assertThat(usd("0.00").withinTolerance(0)).isTrue();
        // JPY has no minor unit: a tolerance of 1 is one yen
        assertThat(jpy("1").withinTolerance(1)).isTrue();
        assertThat(jpy("-1").withinTolerance(1)).isTrue();
        assertThat(jpy("2").withinTolerance(1)).isFalse();
        assertThat(jpy("1").withinTolerance(0)).isFalse();
    }

    @Test
    void textUsesTheCurrencysDecimalsAndNeverRoundsAway() {
        assertThat(jpy("1000").text()).isEqualTo("1000");
        assertThat(jpy("1000.00").text()).isEqualTo("1000");
        assertThat(jpy("0.5").text()).isEqualTo("0.5");
        assertThat(usd("41512.1").text()).isEqualTo("41512.10");
        assertThat(usd("12").text()).isEqualTo("12.00");
        assertThat(usd("0.125").text()).isEqualTo("0.125");
        assertThat(new Amount(new BigDecimal("1.5"), "XYZ").text()).isEqualTo("1.50");
        assertThat(new Amount(new BigDecimal("1.234"), "BHD").text()).isEqualTo("1.234");
        assertThat(usd("-3").toString()).isEqualTo("-3.00 USD");
    }

    @Test
    void aCurrencyWithoutMinorUnitsInTheJdkGetsTwoDecimals() {
        // gold, special drawing rights: the JDK answers -1 fraction digits
        assertThat(new Amount(new BigDecimal("1.5"), "XAU").text()).isEqualTo("1.50");
        assertThat(new Amount(new BigDecimal("0.01"), "XDR").withinTolerance(1)).isTrue();
        assertThat(new Amount(new BigDecimal("0.02"), "XDR").withinTolerance(1)).isFalse();
    }
}
