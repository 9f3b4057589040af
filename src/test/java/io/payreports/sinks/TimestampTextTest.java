package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        TimestampText text = new TimestampText(2);
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-40_000_000_000L, 260_000_000_000L),
                    random.nextInt(8) == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(text.of(i % 2, instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void keepsTheTextRightAcrossDaysAndAtTheEdgesOfTheFastRange() {
        TimestampText text = new TimestampText(1);
        for (String iso : new String[] {
            "2026-10-01T00:00:00Z",
            "2026-10-01T23:59:59Z",
            "2026-10-02T00:00:00Z",
            "2026-10-01T08:15:00Z",
            "1969-12-31T23:59:59Z",
            "1000-01-01T00:00:00Z",
            "0999-12-31T23:59:59Z",
            "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "2026-10-01T08:15:00.120Z",
            "2026-10-01T08:15:00Z"
        }) {
            assertThat(text.of(0, Instant.parse(iso))).isEqualTo(iso);
        }
    }
}
