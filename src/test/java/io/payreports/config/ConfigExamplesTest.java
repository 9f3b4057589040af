package io.payreports.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The ready-to-copy configurations under config/examples/ pass the check validate and run make. */
class ConfigExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sftp", "s3", "kafka"})
    void everyExampleIsValid(String example) {
        ConfigurationCheck.Outcome outcome = ConfigurationCheck.check(Path.of("config", "examples", example + ".properties"), Path.of("routes"));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
    }
}
