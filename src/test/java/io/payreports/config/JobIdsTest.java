package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.payreports.hostile.FakeAmazonPayReports;
import io.payreports.hostile.HostileServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job id the routes cannot carry is refused up front, by validate and run alike, never left to hang a run. */
class JobIdsTest {

    @TempDir
    Path dir;

    @Test
    void jobIdsAreLettersDigitsDotUnderscoreHyphenOfBoundedLength() {
        assertThat(JobIds.problem("amazonpay-settlement_2.eu")).isEmpty();
        assertThat(JobIds.problem("it's"))
                .contains("job id 'it's' must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot");
        assertThat(JobIds.problem("a\nFORGED"))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("'a\\u000aFORGED'").doesNotContain("\n"));
        assertThat(JobIds.problem("../up")).isPresent();
        assertThat(JobIds.problem("x".repeat(101))).isPresent();
        assertThat(JobIds.problem("")).isPresent();
    }

    @Test
    void runRefusesToStartAJobWhoseIdHasAQuote() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            Path config = FakeAmazonPayReports.configure(dir, amazon, "jdbc:h2:file:" + dir.resolve("data/state"));
            Path job = dir.resolve("routes/" + FakeAmazonPayReports.JOB + ".yaml");
            Files.writeString(
                    job, Files.readString(job).replace("value: " + FakeAmazonPayReports.JOB, "value: \"it's\""));

            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (PayreportsApplication application =
                        PayreportsApplication.create(config, Optional.of(dir.resolve("routes")))) {
                    assertThatThrownBy(application::start)
                            .isInstanceOf(ConfigException.class)
                            .hasMessageContaining(
                                    "jobId: job id 'it's' must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot");
                }
            });
        }
    }
}
