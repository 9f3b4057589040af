package io.payreports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.AmazonPayApiException;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class RetryAfterPauseTest {

    private final RetryAfterPause pause = new RetryAfterPause(Duration.ofSeconds(30));

    @Test
    void waitsWhatAmazonAskedEvenWhenCamelWrappedTheError() {
        AmazonPayApiException throttled =
                new AmazonPayApiException("getReports", 429, "TooManyRequests", "slow down", Duration.ofSeconds(2));

        assertThat(pause.pauseFor(new RuntimeCamelException(throttled))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aHugeRetryAfterIsCappedAndOtherErrorsDoNotWait() {
        assertThat(pause.pauseFor(
                        new AmazonPayApiException("getReports", 503, "ServiceUnavailable", null, Duration.ofHours(1))))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(pause.pauseFor(new AmazonPayApiException("getReports", 500, "InternalServerError", null)))
                .isZero();
        assertThat(pause.pauseFor(new IllegalStateException("io"))).isZero();
        assertThat(pause.pauseFor(null)).isZero();
    }

    @Test
    void theLogSaysWhatAmazonAskedAndWhatIsWaited() {
        RetryAfterPause capAtOneMinute = new RetryAfterPause(Duration.ofSeconds(60));

        assertThat(capAtOneMinute.waitMessage(Duration.ofSeconds(36000), Duration.ofSeconds(60)))
                .isEqualTo(
                        "Amazon asked to retry after 36000 s; waiting 60 s (capped by payreports.retry.maximum-redelivery-delay)");
        assertThat(capAtOneMinute.waitMessage(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .isEqualTo("Amazon asked to retry after 2 s; waiting 2 s");
    }
}
