package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * docs/sinks/ holds a declaration file of each sink type, shown by docs/sinks.md: copied into routes/sinks/
     * they pass the check, and a job can deliver to all of them.
     */
    @org.junit.jupiter.api.Test
    void everySinkDeclarationIsValid(@TempDir Path routes) throws IOException {
        Path sinks = Files.createDirectories(routes.resolve("sinks"));
        try (DirectoryStream<Path> declarations = Files.newDirectoryStream(Path.of("docs", "sinks"), "*.yaml")) {
            for (Path declaration : declarations) {
                Files.copy(declaration, sinks.resolve(declaration.getFileName()));
            }
        }
        Files.writeString(
                routes.resolve("settlement.yaml"),
                Files.readString(Path.of("routes", "amazonpay-settlement.yaml"))
                        .replace(
                                "value: file,jdbc",
                                "value: file,jdbc,local-archive,warehouse,bank-sftp,archive,events"));

        ConfigurationCheck.Outcome outcome =
                ConfigurationCheck.check(Path.of("config", "application.properties"), routes);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.destinations())
                .containsEntry("local-archive", "/var/lib/payreports/archive")
                .containsEntry("warehouse", "jdbc:postgresql://db.internal:5432/finance")
                .containsEntry("bank-sftp", "sftp://sftp.bank.example:22/")
                .containsEntry("archive", "s3://acme-finance-archive")
                .containsEntry("events", "kafka topic payreports.{layout} at kafka-1:9092,kafka-2:9092");
    }

    /** A declaration missing a parameter its template requires is named with file and line. */
    @org.junit.jupiter.api.Test
    void aSinkDeclarationWithoutARequiredParameterIsNamed(@TempDir Path routes) throws IOException {
        Path sinks = Files.createDirectories(routes.resolve("sinks"));
        Files.writeString(
                sinks.resolve("bank-sftp.yaml"),
                Files.readString(Path.of("docs", "sinks", "bank-sftp.yaml"))
                        .replace("      - name: host\n        value: sftp.bank.example\n", ""));
        Files.copy(Path.of("routes", "amazonpay-settlement.yaml"), routes.resolve("settlement.yaml"));

        ConfigurationCheck.Outcome outcome =
                ConfigurationCheck.check(Path.of("config", "application.properties"), routes);

        assertThat(outcome.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(sinks.resolve("bank-sftp.yaml")
                        + ":4: host: required parameter of template 'sftp-sink' is missing");
    }
}
