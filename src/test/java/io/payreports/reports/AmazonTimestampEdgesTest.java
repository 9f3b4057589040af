package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of the timestamp forms: which number is the month, short hours, offsets with and without colon, zone names. */
class AmazonTimestampEdgesTest {

    private final AmazonTimestampFormat format = new AmazonTimestampFormat();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "05/13/2015|2015-05-13T00:00:00Z", // the second number is over 12: month first
                "13/12/2015|2015-12-13T00:00:00Z", // 12 is a month: day first
                "12/05/2015|2015-05-12T00:00:00Z",
                "1.2.2015 8:05|2015-02-01T08:05:00Z",
                "01.02.2015 8:05:07|2015-02-01T08:05:07Z",
                "2015-05-18T08:05:07.5+0100|2015-05-18T07:05:07.500Z",
                "2015-05-18T15:48:50+0530|2015-05-18T10:18:50Z",
                "2015-05-18T15:48:50-05:30|2015-05-18T21:18:50Z",
                "2015-05-18T15:48Z|2015-05-18T15:48:00Z",
                "2015-05-18 15:48:50 pdt|2015-05-18T22:48:50Z",
                "2015-05-18 15:48:50 GMT|2015-05-18T15:48:50Z",
                "2015-05-18 15:48:50 CET|2015-05-18T14:48:50Z",
                "2015-05-18 15:48:50 CEST|2015-05-18T13:48:50Z",
                "2015-05-18 15:48:50 MEZ|2015-05-18T14:48:50Z",
                "2015-05-18 15:48:50 BST|2015-05-18T14:48:50Z",
                "2015-05-18 15:48:50 JST|2015-05-18T06:48:50Z",
                "' 2015-05-18T15:48:50Z '|2015-05-18T15:48:50Z"
            })
    void readsTheEdgesOfEachForm(String text, String utc) {
        assertThat(format.parse(text)).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01.13.2015",
                "13/13/2015",
                "2015-05-18T24:00:00Z",
                "2015-05-18T15:60Z",
                "2015-02-29",
                "2015-05-18T15:48:50 EST5",
                "2015-05-18T15:48:50 ABCDE",
                "2015-05-18T15:48:50+5",
                "18-05-2015",
                "2015/05/18"
            })
    void rejectsWhatIsWellShapedButNotATimeNamingTheText(String text) {
        assertThatThrownBy(() -> format.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a timestamp: '" + text + "'");
    }

    /**
     * Amazon's own shape with one character wrong, each read as a valid time if the fast path for that shape
     * skipped the check of its position: {@code 0A} would be 17 ({@code 'A' - '0'}), {@code 1B} 28, {@code 0:} 10.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2O15-05-18T15:48:50Z",
                "2/15-05-18T15:48:50Z",
                "2015x05-18T15:48:50Z",
                "2015-0:-18T15:48:50Z",
                "2015-05x18T15:48:50Z",
                "2015-05-1BT15:48:50Z",
                "2015-05-18x15:48:50Z",
                "2015-05-18T0A:48:50Z",
                "2015-05-18T15x48:50Z",
                "2015-05-18T15:0A:50Z",
                "2015-05-18T15:48x50Z",
                "2015-05-18T15:48:0AZ",
                "2015-05-18T15:48:50Y",
                "2015-05-18T15:48:50ZZ",
                "2015-05-18T15:48:50-0A00",
                "2015-05-18T15:48:50+01:0A",
                "2015-05-18T15:48:50+01000"
            })
    void rejectsAmazonsShapeWithOneCharacterWrong(String text) {
        assertThatThrownBy(() -> format.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a timestamp: '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2015-05-18T15:48:50.123Z|2015-05-18T15:48:50+0000",
                "1969-12-31T23:59:59Z|1969-12-31T23:59:59+0000"
            })
    void writesUtcWholeSeconds(String instant, String text) {
        assertThat(format.format(Instant.parse(instant))).isEqualTo(text);
    }
}
