package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The job's amount notation setting, and the edges of what each notation reads. */
class AmountNotationTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|AUTO",
                "auto|AUTO",
                "' Decimal-Point '|DECIMAL_POINT",
                "point|DECIMAL_POINT",
                "DECIMAL-COMMA|DECIMAL_COMMA",
                "comma|DECIMAL_COMMA"
            })
    void readsTheJobsSetting(String setting, AmountNotation expected) {
        assertThat(AmountNotation.of(setting)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"decimal_point", "dot", "1.000,00"})
    void rejectsAnotherSettingNamingIt(String setting) {
        assertThatThrownBy(() -> AmountNotation.of(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount notation must be auto, decimal-point or decimal-comma, not '" + setting + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DECIMAL_POINT|-0.35|-0.35",
                "DECIMAL_POINT|7|7",
                "DECIMAL_POINT|-1,234,567.00|-1234567.00",
                "DECIMAL_POINT|+1,000|1000",
                "DECIMAL_COMMA|-1.234.567,00|-1234567.00",
                "DECIMAL_COMMA|+5|5",
                "DECIMAL_COMMA|12,5|12.5",
                "DECIMAL_COMMA|-7|-7",
                "AUTO|-1.000,5|-1000.5",
                "AUTO|1.5|1.5",
                "AUTO|' -2 '|-2",
                // a point groups thousands in decimal-comma notation, even where it could be a decimal point
                "DECIMAL_COMMA|1.000|1000",
                "DECIMAL_COMMA|-1.141|-1141",
                // four digits before a comma are no thousands group: a decimal comma
                "AUTO|1234,567|1234.567"
            })
    void keepsSignDigitsAndScale(AmountNotation notation, String text, String plain) {
        assertThat(notation.plain(text)).isEqualTo(plain);
        assertThat(new BigDecimal(notation.plain(text))).isEqualTo(new BigDecimal(plain));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DECIMAL_POINT|1.5.0",
                "DECIMAL_POINT|.5",
                "DECIMAL_POINT|5.",
                "DECIMAL_POINT|-",
                "DECIMAL_POINT|+",
                "DECIMAL_POINT|-.5",
                "DECIMAL_POINT|1,00.0",
                "DECIMAL_COMMA|1.5",
                "DECIMAL_COMMA|,5",
                "DECIMAL_COMMA|5,",
                "DECIMAL_COMMA|1.00,0",
                "AUTO|1 000",
                "AUTO|'-'",
                "AUTO|+-1",
                "AUTO|1,2.3",
                "DECIMAL_POINT|1234,567",
                "AUTO|,234",
                "AUTO|-,234",
                "AUTO|1,234x5",
                "AUTO|1,234.5x",
                "AUTO|1,234,5678"
            })
    void rejectsMalformedAmountsNamingTheText(AmountNotation notation, String text) {
        assertThatThrownBy(() -> notation.plain(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a number: '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1E+3|1,000", "-0.5|-0.5", "123456789.123|123,456,789.123", "-999|-999"})
    void writesTheAmountsOwnScaleButNeverAnExponent(String amount, String expected) {
        assertThat(AmazonAmountFormat.text(new BigDecimal(amount))).isEqualTo(expected);
    }
}
