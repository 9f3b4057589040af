package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionWindowsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final TransactionWindows windows = new TransactionWindows(Duration.ofHours(48), Duration.ofDays(400));

    @Test
    void aFirstRunCoversFourHundredDaysInWindowsOfAtMost180DaysEndingBeforeTwoMinutesAgo() {
        List<TransactionWindow> planned = windows.plan(Optional.empty(), NOW, "ATVPDKIKX0DER");

        assertThat(planned).hasSize(3);
        assertThat(planned.get(0).postedAfter()).isEqualTo(NOW.minus(Duration.ofDays(400)));
        assertThat(planned).allSatisfy(window -> {
            assertThat(Duration.between(window.postedAfter(), window.postedBefore()))
                    .isLessThanOrEqualTo(Duration.ofDays(180));
            assertThat(window.marketplaceId()).isEqualTo("ATVPDKIKX0DER");
        });
        for (int i = 1; i < planned.size(); i++) {
            assertThat(planned.get(i).postedAfter())
                    .as("no gap, no overlap")
                    .isEqualTo(planned.get(i - 1).postedBefore());
        }
        assertThat(planned.get(2).postedBefore())
                .isEqualTo(NOW.minus(Duration.ofMinutes(2)).minusSeconds(30));
    }

    @Test
    void laterRunsStartTheLookbackBeforeTheWatermark() {
        Instant watermark = NOW.minus(Duration.ofHours(4));
        assertThat(windows.plan(Optional.of(watermark), NOW, ""))
                .singleElement()
                .satisfies(window -> {
                    assertThat(window.postedAfter()).isEqualTo(watermark.minus(Duration.ofHours(48)));
                    assertThat(window.marketplaceId()).isNull();
                });
    }

    @Test
    void aWatermarkInTheLastMinutesPlansNothingPastTheLimit() {
        TransactionWindows noLookback = new TransactionWindows(Duration.ofSeconds(1), Duration.ofDays(1));
        assertThat(noLookback.plan(Optional.of(NOW.minusSeconds(60)), NOW, null))
                .isEmpty();
    }
}
