package io.payreports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every series of a job names its account, so that two accounts' jobs sum and alert apart. */
class JobMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void everySeriesOfAJobCarriesItsAccount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JobMetrics metrics = new JobMetrics(registry, Clock.fixed(T0, ZoneOffset.UTC));
        metrics.register("settlement-eu", "eu", List.of("jdbc"));
        metrics.register("settlement-na", "default", List.of("jdbc"));

        metrics.finished(FinishedRuns.empty("settlement-eu", "eu", T0, T0.plusSeconds(1)));

        assertThat(registry.getMeters())
                .filteredOn(meter -> "settlement-eu".equals(meter.getId().getTag("job")))
                .isNotEmpty()
                .allSatisfy(meter -> assertThat(meter.getId().getTag("account")).isEqualTo("eu"));
        assertThat(registry.get("payreports.job.runs")
                        .tags("account", "eu", "job", "settlement-eu", "outcome", "ok")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("payreports.job.runs")
                        .tags("account", "default", "job", "settlement-na", "outcome", "ok")
                        .counter()
                        .count())
                .isZero();
    }
}
