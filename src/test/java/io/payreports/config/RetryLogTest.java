package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.JobRun;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink that is down: each retry is one line naming job, report, sink, attempt and cause, nothing of Camel's. */
class RetryLogTest {

    @TempDir
    Path dir;

    @Test
    void eachRetryOfASinkIsOneLineNamingJobReportSinkAttemptAndCause() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        // nothing listens there: every attempt of the jdbc sink is refused
                        "payreports.sinks.jdbc.url = jdbc:postgresql://127.0.0.1:" + closed + "/records",
                        "payreports.sinks.jdbc.timeout = 300ms",
                        "payreports.sinks.jdbc.retry.maximum-redeliveries = 1",
                        "payreports.sinks.jdbc.retry.redelivery-delay = 10",
                        ""));
        StringWriter logs = new StringWriter();
        JobRun run;
        try (AutoCloseable capture = LogCapture.captureLogs(logs);
                PayreportsApplication application =
                        PayreportsApplication.create(config, Optional.of(Path.of("routes")))) {
            application.start();
            application.triggerAllJobs();
            assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(120)))
                    .isTrue();
            run = application.jobRuns().finished().get(0);
        }

        assertThat(run.deadLetteredBySink()).containsKey("jdbc");
        assertThat(logs.toString())
                .containsPattern(
                        "WARN io.payreports.jobs.JobRuns job amazonpay-settlement, report [A-Z0-9]+, sink jdbc: "
                                + "attempt 1 of 2 failed, retrying: \\S.*Connection is not available")
                .doesNotContain("sink jdbc: attempt 2 of 2")
                .doesNotContain("Failed delivery for");
    }
}
