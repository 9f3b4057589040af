package io.payreports.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayreportsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void builtInDefaultsAloneAreADemoConfiguration() {
        PayreportsSettings settings = ConfigFiles.readSettings(Optional.empty());

        assertThat(settings.demoMode()).isTrue();
        assertThat(settings.amazonPayRegion()).isEqualTo("na");
        assertThat(settings.amazonPayEnvironment()).isEqualTo("live");
        assertThat(settings.stateJdbcUrl()).startsWith("jdbc:h2:file:");
        assertThat(settings.retry().maximumRedeliveries()).isEqualTo(3);
    }

    @Test
    void everyBadValueIsReportedWithFileLineAndKey() throws IOException {
        Path config = write("""
                # operator file
                payreports.amazonpay.region = mars
                payreports.amazonpay.environment = staging
                payreports.retry.maximum-redeliveries = lots
                payreports.amazonpay.read-timeout = soon
                payreports.sinks.jdbc.url = jdbc:oracle:thin:@db
                """);

        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(config)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::toString)
                        .containsExactlyInAnyOrder(
                                config + ":2: payreports.amazonpay.region: must be one of na, eu, jp, us, de, uk, not 'mars'",
                                config + ":3: payreports.amazonpay.environment: must be one of live, sandbox, not 'staging'",
                                config + ":4: payreports.retry.maximum-redeliveries: not a whole number: 'lots'",
                                config + ":5: payreports.amazonpay.read-timeout: not a duration (e.g. 30s, 500ms, PT1M): 'soon'",
                                config + ":6: payreports.sinks.jdbc.url: must be a jdbc:h2: or jdbc:postgresql: URL, not 'jdbc:oracle:thin:@db'"));
    }

    @Test
    void aPublicKeyIdNeedsAReadablePrivateKeyFile() throws IOException {
        Path config = write("""
                payreports.amazonpay.public-key-id = LIVE-ABC
                payreports.amazonpay.private-key-file = /nonexistent/key.pem
                """);

        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(config)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::toString)
                        .containsExactly(config + ":2: payreports.amazonpay.private-key-file: file not found or not readable: /nonexistent/key.pem"));
    }

    @Test
    void cronExpressionsAreCheckedTheWayQuartzParsesThem() {
        assertThat(PayreportsSettings.cronProblem("0 15 * * * ?")).isEmpty();
        assertThat(PayreportsSettings.cronProblem("every hour")).hasValueSatisfying(message -> assertThat(message).startsWith("not a valid Quartz cron expression 'every hour'"));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, text);
        return file;
    }
}
