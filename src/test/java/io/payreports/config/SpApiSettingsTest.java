package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.spapi.PayoutTarget;
import io.payreports.spapi.SpApiRegion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpApiSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreDemoModeInNorthAmericaWithPayoutsOff() {
        SpApiSettings settings = ConfigFiles.readSpApiSettings(Optional.empty());

        assertThat(settings.demoMode()).isTrue();
        assertThat(settings.region()).isEqualTo(SpApiRegion.NA);
        assertThat(settings.lookback()).isEqualTo(Duration.ofHours(48));
        assertThat(settings.firstRunDays()).isEqualTo(400);
        assertThat(settings.payoutTargets()).isEmpty();
        assertThat(settings.config(null, null, settings.credentials()).endpoint())
                .isEqualTo(URI.create("https://sellingpartnerapi-na.amazon.com"));
        assertThat(settings.config(null, null, settings.credentials()).lwaEndpoint())
                .isEqualTo(URI.create("https://api.amazon.com/auth/o2/token"));
    }

    @Test
    void aRegionPicksItsEndpointAndAllowedPayoutsAreExactPairs() throws IOException {
        SpApiSettings settings = ConfigFiles.readSpApiSettings(Optional.of(write("""
                payreports.spapi.region = eu
                payreports.spapi.client-id = amzn1.application-oa2-client.x
                payreports.spapi.client-secret = top-Secret-99
                payreports.spapi.refresh-token = Atzr|token-77
                payreports.spapi.payouts.allowed = A1PA6795UKMFR9:Standard Orders, ATVPDKIKX0DER:Invoiced Orders
                """)));

        assertThat(settings.demoMode()).isFalse();
        assertThat(settings.config(null, null, settings.credentials()).endpoint())
                .isEqualTo(URI.create("https://sellingpartnerapi-eu.amazon.com"));
        assertThat(settings.payoutTargets())
                .isEqualTo(Set.of(
                        new PayoutTarget("A1PA6795UKMFR9", "Standard Orders"),
                        new PayoutTarget("ATVPDKIKX0DER", "Invoiced Orders")));
        assertThat(settings.toString()).doesNotContain("top-Secret-99", "Atzr|token-77");
    }

    @Test
    void problemsNameFileLineAndKeyButNeverASecret() throws IOException {
        Path bad = write("""
                payreports.spapi.region = us
                payreports.spapi.client-id = amzn1.application-oa2-client.x
                payreports.spapi.client-secret = top-Secret-99
                payreports.spapi.payouts.allowed = ATVPDKIKX0DER
                payreports.spapi.transactions.lookback = soon
                """);
        int refreshTokenDefault = lineOfDefault("payreports.spapi.refresh-token");
        assertThatThrownBy(() -> ConfigFiles.readSpApiSettings(Optional.of(bad)))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::toString)
                                .containsExactlyInAnyOrder(
                                        bad + ":1: payreports.spapi.region: must be one of na, eu, fe, not 'us'",
                                        // not in the operator's file: the problem points at the built-in default
                                        "classpath:application.properties:" + refreshTokenDefault
                                                + ": payreports.spapi.refresh-token: required when payreports.spapi.client-id is set (PAYREPORTS_SPAPI_REFRESH_TOKEN)",
                                        bad
                                                + ":4: payreports.spapi.payouts.allowed: 'ATVPDKIKX0DER' is not marketplaceId:accountType, e.g. ATVPDKIKX0DER:Standard Orders",
                                        bad
                                                + ":5: payreports.spapi.transactions.lookback: not a duration (e.g. 30s, 500ms, PT1M): 'soon'")
                                .noneMatch(problem -> problem.contains("top-Secret-99")));
    }

    private static int lineOfDefault(String key) throws IOException {
        java.util.List<String> lines = Files.readAllLines(Path.of("src/main/resources/application.properties"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + " ")) {
                return i + 1;
            }
        }
        throw new AssertionError(key + " has no default");
    }

    private Path write(String properties) throws IOException {
        return Files.writeString(dir.resolve("application.properties"), properties);
    }
}
