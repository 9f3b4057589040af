package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmazonAmountFormatTest {

    private final AmazonAmountFormat format = new AmazonAmountFormat();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1,000.00|1000.00",
                "-32.40|-32.40",
                "0|0",
                "2.2|2.2",
                "1,234,567.891|1234567.891",
                "-1,000|-1000",
                "' 96.85 '|96.85",
                "1.141,18|1141.18",
                "-32,40|-32.40",
                "1,00|1.00",
                "1.000.000|1000000"
            })
    void parsesAmazonAmountsExactlyKeepingTheirScale(String text, String expected) {
        assertThat(format.parse(text)).isEqualTo(new BigDecimal(expected)); // equals() also compares scale
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,34,5", "1.000,00.5", ",100", "1,000.000,00", "abc", "1.2.3", "--1", "1e5", ""})
    void rejectsWhatIsNotAnAmountWithTheText(String text) {
        assertThatThrownBy(() -> format.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a number: '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DECIMAL_POINT|1,000|1000",
                "DECIMAL_COMMA|1,000|1.000",
                "AUTO|1,000|1000",
                "DECIMAL_COMMA|1.141,18|1141.18",
                "DECIMAL_COMMA|-0,35|-0.35",
                "DECIMAL_COMMA|0|0",
                "DECIMAL_POINT|+2.50|2.50"
            })
    void theJobsNotationDecidesWhatAmbiguousAmountsMean(AmountNotation notation, String text, String plain) {
        assertThat(notation.plain(text)).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"DECIMAL_POINT|-32,40", "DECIMAL_COMMA|1,000.00"})
    void anAmountInTheOtherNotationIsRejected(AmountNotation notation, String text) {
        assertThatThrownBy(() -> notation.plain(text)).hasMessage("not a number: '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1000.00|1,000.00", "-9913.36|-9,913.36", "0.00|0.00", "2.2|2.2", "7|7"})
    void writesAmountsAsAmazonDoes(String amount, String expected) {
        assertThat(format.format(new BigDecimal(amount))).isEqualTo(expected);
    }
}
