package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmazonTimestampFormatTest {

    private final AmazonTimestampFormat format = new AmazonTimestampFormat();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2015-05-18T15:48:50-0000|2015-05-18T15:48:50Z",
                "2015-09-30T15:00:44-0700|2015-09-30T22:00:44Z",
                "2015-06-13T00:00:18+00:00|2015-06-13T00:00:18Z",
                "2022-12-07T17:08:26.717Z|2022-12-07T17:08:26.717Z",
                "2015-05-18T15:48:50 -0700|2015-05-18T22:48:50Z",
                "2015-05-18T15:48:50 +05:30|2015-05-18T10:18:50Z",
                "2015-05-18 15:48:50 UTC|2015-05-18T15:48:50Z",
                "2015-05-18|2015-05-18T00:00:00Z",
                "2015-05-18T15:48:50|2015-05-18T15:48:50Z",
                "18/05/2015 15:48:50 UTC|2015-05-18T15:48:50Z",
                "30.09.2015 15:00:44 MESZ|2015-09-30T13:00:44Z",
                "05/30/2015 8:05 PDT|2015-05-30T15:05:00Z",
                "2015-11-30 09:00:00 PST|2015-11-30T17:00:00Z",
                "01.10.2015|2015-10-01T00:00:00Z"
            })
    void readsEveryFormAmazonWrites(String text, String utc) {
        assertThat(format.parse(text)).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2015-05",
                "2015-13-18T15:48:50Z",
                "31.02.2015",
                "2015-05-18T15:48:50+2500",
                "18/05/2015 15:48:50 XYZ",
                "13/13/2015"
            })
    void rejectsOtherTextNamingIt(String text) {
        assertThatThrownBy(() -> format.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a timestamp: '" + text + "'");
    }

    @Test
    void writesUtcInAmazonsForm() {
        assertThat(format.format(Instant.parse("2015-05-18T15:48:50Z"))).isEqualTo("2015-05-18T15:48:50+0000");
    }
}
