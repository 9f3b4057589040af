package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ready-to-copy configurations under config/examples/ pass the check validate and run make. */
class ConfigExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sftp", "s3", "kafka"})
    void everyExampleIsValid(String example) {
        ConfigurationCheck.Outcome outcome =
                ConfigurationCheck.check(Path.of("config", "examples", example + ".properties"), Path.of("routes"));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
    }

    /** docs/jobs/ holds the job files operators copy into routes/: together, with the shipped configuration. */
    @org.junit.jupiter.api.Test
    void everyShippedJobFileIsValid() {
        ConfigurationCheck.Outcome outcome =
                ConfigurationCheck.check(Path.of("config", "application.properties"), Path.of("docs", "jobs"));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
    }
}
