package io.payreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness end to end at a tiny size, so CI knows bench/run.sh works; no figures are judged.
 * It does check one thing that is not a figure: that {@code parse} and its bare baseline write the same bytes.
 */
class BenchSmokeIT {

    @Test
    void everyMeasureRunsAndTheTableIsWritten() throws Exception {
        List<String> table = Bench.measure(List.of(2000), 1, Path.of("target", "bench", "smoke.md"));

        assertThat(table)
                .anySatisfy(line -> assertThat(line).contains("`parse` CLI, rows/s"))
                .anySatisfy(line -> assertThat(line).contains("reader in a warm JVM"))
                .anySatisfy(line -> assertThat(line).contains("report → files"))
                .anySatisfy(line -> assertThat(line).contains("report → PostgreSQL"))
                .anySatisfy(line -> assertThat(line).contains("report → Kafka"))
                .anySatisfy(line -> assertThat(line).contains("peak RSS"))
                .anySatisfy(line -> assertThat(line).startsWith("JVM start → first API call"));
    }
}
