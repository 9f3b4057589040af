package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.amazonpay.DocumentHosts;
import io.payreports.amazonpay.DocumentPolicy;
import io.payreports.http.HttpDeadlines;
import io.payreports.http.PagingGuard;
import io.payreports.reports.ReportLimits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(settings.amazonPayDocuments()).isEqualTo(DocumentPolicy.DEFAULT);
    }

    @Test
    void theOperatorPagesReplayIsOffWithoutATokenAndATooShortOneIsRefusedWithoutShowingIt() throws IOException {
        assertThat(PayreportsSettings.readReplayToken(key -> null, new ConfigLocator(Optional.empty())))
                .isEmpty();
        String token = "7d1f0c2a9b8e4f3a6c5d";
        Path good = write("payreports.status.replay-token = " + token + "\n");
        assertThat(PayreportsSettings.readReplayToken(
                        key -> key.equals("payreports.status.replay-token") ? token : null,
                        new ConfigLocator(Optional.of(good))))
                .contains(token);

        Path bad = write("payreports.status.replay-token = secret123\n");
        ConfigurationCheck.Outcome check = ConfigurationCheck.check(bad, null);
        assertThat(check.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(bad + ":1: payreports.status.replay-token: too short: at least 16 characters"
                        + " (e.g. the output of `openssl rand -hex 16`), or empty to turn replay off");
    }

    @Test
    void documentDownloadSettingsAreReadAndCheckedWithTheirKeys() throws IOException {
        Path good = write("""
                payreports.amazonpay.document-hosts = *.amazonaws.com, reports.example.net
                payreports.amazonpay.document-url-validity = 20s
                payreports.amazonpay.document-url-attempts = 5
                """);
        assertThat(ConfigFiles.readSettings(Optional.of(good)).amazonPayDocuments())
                .isEqualTo(new DocumentPolicy(
                        DocumentHosts.parse("*.amazonaws.com,reports.example.net"), Duration.ofSeconds(20), 5));

        Path bad = write("""
                payreports.amazonpay.document-hosts = *.amazonaws.com,https://evil.example
                payreports.amazonpay.document-url-validity = 0s
                payreports.amazonpay.document-url-attempts = 0
                """);
        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(bad)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactlyInAnyOrder(
                                        bad
                                                + ":1: payreports.amazonpay.document-hosts: not a host name or *.suffix wildcard: 'https://evil.example'",
                                        bad
                                                + ":2: payreports.amazonpay.document-url-validity: must be more than 0, not PT0S",
                                        bad
                                                + ":3: payreports.amazonpay.document-url-attempts: must be between 1 and 10, not 0"));
    }

    @Test
    void reportLimitsTakeSizesWithSuffixesAndNameTheKeyOfABadOne() throws IOException {
        assertThat(ConfigFiles.readSettings(Optional.empty()).reportLimits()).isEqualTo(ReportLimits.DEFAULTS);
        Path good = write("""
                payreports.reports.max-download-size = 512m
                payreports.reports.max-line-length = 64k
                """);
        ReportLimits limits = ConfigFiles.readSettings(Optional.of(good)).reportLimits();
        assertThat(limits.maxDownloadBytes()).isEqualTo(512L << 20);
        assertThat(limits.maxLineLength()).isEqualTo(64 << 10);

        Path bad = write("""
                payreports.reports.max-uncompressed-size = huge
                payreports.reports.max-compression-ratio = 0
                """);
        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(bad)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactlyInAnyOrder(
                                        bad
                                                + ":1: payreports.reports.max-uncompressed-size: not a size (bytes, or with k, m, g): 'huge'",
                                        bad
                                                + ":2: payreports.reports.max-compression-ratio: must be between 1 and 1000000, not 0"));
    }

    @Test
    void deadlinesAndPagingLimitsAreReadAndCheckedNamingTheirKeys() throws IOException {
        PayreportsSettings defaults = ConfigFiles.readSettings(Optional.empty());
        assertThat(defaults.httpDeadlines()).isEqualTo(HttpDeadlines.DEFAULTS);
        assertThat(defaults.pagingLimits()).isEqualTo(PagingGuard.Limits.DEFAULTS);
        Path good = write("""
                payreports.http.call-deadline = 90s
                payreports.http.download-min-rate = 64k
                payreports.paging.max-pages = 50
                """);
        PayreportsSettings settings = ConfigFiles.readSettings(Optional.of(good));
        assertThat(settings.httpDeadlines())
                .isEqualTo(new HttpDeadlines(
                        java.time.Duration.ofSeconds(90), 64 << 10, HttpDeadlines.DEFAULTS.downloadGrace()));
        assertThat(settings.pagingLimits().maxPages()).isEqualTo(50);

        Path bad = write("""
                payreports.http.call-deadline = soon
                payreports.http.download-min-rate = 0
                payreports.paging.max-items = 0
                """);
        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(bad)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactlyInAnyOrder(
                                        bad
                                                + ":1: payreports.http.call-deadline: not a duration (e.g. 30s, 500ms, PT1M): 'soon'",
                                        bad + ":2: payreports.http.download-min-rate: must be a positive size, not 0",
                                        bad
                                                + ":3: payreports.paging.max-items: must be between 1 and 9223372036854775807, not 0"));
    }

    @Test
    void plainHttpIsRefusedForEndpointsOffThisMachineUnlessAllowed() throws IOException {
        Path remote = write("""
                payreports.amazonpay.endpoint = http://pay-api.example.net
                payreports.mws.endpoint = http://10.0.0.7:8080/
                """);
        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(remote)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactly(
                                        remote
                                                + ":1: payreports.amazonpay.endpoint: must be https unless it is a loopback address "
                                                + "(set payreports.allow-insecure-http=true to allow http://pay-api.example.net)"));

        Path allowed = write("""
                payreports.amazonpay.endpoint = http://pay-api.example.net
                payreports.allow-insecure-http = true
                """);
        assertThat(ConfigFiles.readSettings(Optional.of(allowed)).amazonPayEndpoint())
                .contains(URI.create("http://pay-api.example.net"));
        Path loopback = write("payreports.amazonpay.endpoint = http://127.0.0.1:8443\n");
        assertThat(ConfigFiles.readSettings(Optional.of(loopback)).amazonPayEndpoint())
                .contains(URI.create("http://127.0.0.1:8443"));
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
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactlyInAnyOrder(
                                        config
                                                + ":2: payreports.amazonpay.region: must be one of na, eu, jp, us, de, uk, not 'mars'",
                                        config
                                                + ":3: payreports.amazonpay.environment: must be one of live, sandbox, not 'staging'",
                                        config
                                                + ":4: payreports.retry.maximum-redeliveries: not a whole number: 'lots'",
                                        config
                                                + ":5: payreports.amazonpay.read-timeout: not a duration (e.g. 30s, 500ms, PT1M): 'soon'",
                                        config
                                                + ":6: payreports.sinks.jdbc.url: must be a jdbc:h2: or jdbc:postgresql: URL, not 'jdbc:oracle:thin:@db'"));
    }

    @Test
    void aPublicKeyIdNeedsAReadablePrivateKeyFile() throws IOException {
        Path config = write("""
                payreports.amazonpay.public-key-id = LIVE-ABC
                payreports.amazonpay.private-key-file = /nonexistent/key.pem
                """);

        assertThatThrownBy(() -> ConfigFiles.readSettings(Optional.of(config)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactly(
                                        config
                                                + ":2: payreports.amazonpay.private-key-file: file not found or not readable: /nonexistent/key.pem"));
    }

    @Test
    void cronExpressionsAreCheckedTheWayQuartzParsesThem() {
        assertThat(PayreportsSettings.cronProblem("0 15 * * * ?")).isEmpty();
        assertThat(PayreportsSettings.cronProblem("every hour"))
                .hasValueSatisfying(
                        message -> assertThat(message).startsWith("not a valid Quartz cron expression 'every hour'"));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, text);
        return file;
    }
}
