package io.payreports.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.config.PayreportsApplication;
import io.payreports.jobs.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The real runtime, run once over the given job files as {@code run --once} does, with its state and output under one folder. */
public final class RunOnce {

    private RunOnce() {}

    /** @param connection the properties that point the job at its Amazon (endpoint, keys) */
    public static JobRun run(Path dir, Path routes, String... connection) throws Exception {
        List<String> lines = new ArrayList<>(List.of(connection));
        lines.addAll(List.of(
                "payreports.output-dir = " + dir.resolve("out"),
                "payreports.data-dir = " + dir.resolve("data"),
                "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                "payreports.retry.redelivery-delay = 10",
                "payreports.retry.maximum-redeliveries = 2"));
        Path config = dir.resolve("application.properties");
        Files.writeString(config, String.join("\n", lines) + "\n");
        try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
            application.start();
            assertThat(application.triggerAllJobs()).isEqualTo(1);
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(60)))
                    .isTrue();
            return application.jobRuns().finished().get(0);
        }
    }
}
