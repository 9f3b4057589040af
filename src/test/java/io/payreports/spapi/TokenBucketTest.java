package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aBurstThenOneTokenEveryTwoSecondsAtHalfARequestPerSecond() {
        TokenBucket bucket = new TokenBucket(0.5, 10, nanos::get);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryAcquire()).isTrue();
        }
        assertThat(bucket.tryAcquire()).isFalse();
        nanos.addAndGet(1_999_000_000L);
        assertThat(bucket.tryAcquire()).isFalse();
        nanos.addAndGet(1_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void waitingCallersAreSpacedAtTheRate() {
        TokenBucket bucket = new TokenBucket(0.5, 1, nanos::get);
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(2_000_000_000L);
        assertThat(bucket.reserve()).as("queued behind the previous caller").isEqualTo(4_000_000_000L);
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        TokenBucket bucket = new TokenBucket(0.5, 3, nanos::get);
        nanos.addAndGet(3_600_000_000_000L);
        int taken = 0;
        while (bucket.tryAcquire()) {
            taken++;
        }
        assertThat(taken).isEqualTo(3);
    }
}
