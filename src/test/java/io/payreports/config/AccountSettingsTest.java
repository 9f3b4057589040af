package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.amazonpay.PemKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named accounts: payreports.accounts.<name>.*, the single-account keys as the account default, validate's words. */
class AccountSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theSingleAccountKeysAreTheDefaultAccountAndNamedAccountsHaveTheirOwnKeys() throws IOException {
        Path key = dir.resolve("eu.pem");
        PemKeys.writePrivateKey(PemKeys.generateRsaKeyPair().getPrivate(), key);
        Path config = write("""
                payreports.amazonpay.region = na
                payreports.spapi.client-id = amzn1.application-oa2-client.us
                payreports.spapi.client-secret = us-Secret-1
                payreports.spapi.refresh-token = Atzr|us-token
                payreports.accounts.eu.amazonpay.region = eu
                payreports.accounts.eu.amazonpay.public-key-id = SANDBOX-EU-1
                payreports.accounts.eu.amazonpay.private-key-file = %s
                payreports.accounts.eu.spapi.region = eu
                payreports.accounts.eu.spapi.client-id = amzn1.application-oa2-client.eu
                payreports.accounts.eu.spapi.client-secret = eu-Secret-2
                payreports.accounts.eu.spapi.refresh-token = Atzr|eu-token
                payreports.accounts.jp.mws.region = jp
                """.formatted(key));

        Map<String, AccountSettings> accounts = read(config);

        assertThat(accounts).containsOnlyKeys("default", "eu", "jp");
        assertThat(accounts.keySet()).first().isEqualTo("default");
        assertThat(accounts.get("default").amazonPay().demoMode()).isTrue();
        assertThat(accounts.get("default").spApi().clientId()).isEqualTo("amzn1.application-oa2-client.us");
        assertThat(accounts.get("eu").amazonPay().region()).isEqualTo("eu");
        assertThat(accounts.get("eu").amazonPay().publicKeyId()).isEqualTo("SANDBOX-EU-1");
        assertThat(accounts.get("eu").spApi().refreshToken()).isEqualTo("Atzr|eu-token");
        assertThat(accounts.get("eu").spApi().region().name()).isEqualTo("EU");
        assertThat(accounts.get("jp").mws().region()).isEqualTo("jp");
        assertThat(accounts.get("jp").spApi().demoMode()).isTrue();
        assertThat(accounts.values().toString()).doesNotContain("us-Secret-1", "eu-Secret-2", "Atzr|");
        assertThat(ConfigurationCheck.check(config, null).problems()).isEmpty();
    }

    @Test
    void everyProblemOfAnAccountsKeyNamesTheAccountAndTheKeyButNeverASecret() throws IOException {
        Path config = write("""
                payreports.accounts.eu.amazonpay.region = mars
                payreports.accounts.eu.amazonpay.public-key-id = LIVE-EU-1
                payreports.accounts.eu.spapi.client-id = amzn1.application-oa2-client.eu
                payreports.accounts.eu.spapi.client-secret = eu-Secret-2
                payreports.accounts.eu.amazonpay.regoin = eu
                payreports.accounts.a/b.mws.region = eu
                """);

        assertThat(ConfigurationCheck.check(config, null).problems())
                .extracting(ConfigProblem::toString)
                .containsExactlyInAnyOrder(
                        config + ":1: payreports.accounts.eu.amazonpay.region: account eu: must be one of na, eu, jp,"
                                + " us, de, uk, not 'mars'",
                        config + ":1: payreports.accounts.eu.amazonpay.private-key-file: account eu: required when"
                                + " payreports.accounts.eu.amazonpay.public-key-id is set",
                        config + ":3: payreports.accounts.eu.spapi.refresh-token: account eu: required when"
                                + " payreports.accounts.eu.spapi.client-id is set",
                        config + ":5: payreports.accounts.eu.amazonpay.regoin: account eu: unknown key, did you mean"
                                + " payreports.accounts.eu.amazonpay.region?",
                        config + ":6: payreports.accounts.a/b.mws.region: account a/b: account name 'a/b' must be 1 to"
                                + " 100 of A-Z a-z 0-9 . _ - and not start with a dot")
                .noneMatch(problem -> problem.contains("eu-Secret-2"));
    }

    @Test
    void theDefaultAccountSetTwiceIsAProblemNamingBothKeys() throws IOException {
        Path config = write("""
                payreports.amazonpay.region = eu
                payreports.accounts.default.amazonpay.region = jp
                payreports.accounts.default.amazonpay.environment = sandbox
                """);

        assertThat(ConfigurationCheck.check(config, null).problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(config + ":2: payreports.accounts.default.amazonpay.region: account default: set"
                        + " twice: payreports.amazonpay.region is the same setting of the account default; keep one"
                        + " of the two");
        assertThatThrownBy(() -> read(config)).isInstanceOf(ConfigException.class);
    }

    @Test
    void theDefaultAccountMayBeWrittenAsANamedAccount() throws IOException {
        Path config = write("payreports.accounts.default.amazonpay.environment = sandbox\n");

        assertThat(read(config).get("default").amazonPay().environment()).isEqualTo("sandbox");
        assertThat(ConfigFiles.readSettings(Optional.of(config)).amazonPayEnvironment())
                .isEqualTo("sandbox");
    }

    @Test
    void aJobOfAnAccountNoOneConfiguredIsAProblemNamingTheFileTheJobAndTheAccounts() throws IOException {
        Path config = write("payreports.accounts.eu.amazonpay.region = eu\n");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("jp.yaml"), """
                - templatedRoute:
                    routeTemplateRef: amazonpay-reports
                    routeId: settlement-jp
                    parameters:
                      - name: jobId
                        value: settlement-jp
                      - name: account
                        value: jp
                """);

        assertThat(ConfigurationCheck.check(config, routes).problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(routes.resolve("jp.yaml") + ":8: account: job 'settlement-jp': no account 'jp' is"
                        + " configured (configured: default, eu); declare it with payreports.accounts.jp.<api>.<option>"
                        + " keys (docs/accounts.md)");
    }

    @Test
    void withNoConfigurationTheDemoRunsASecondAccountInTheEuRegion() {
        Map<String, AccountSettings> accounts = ConfigFiles.read(Optional.empty(), AccountSettings::readAll);

        assertThat(accounts).containsOnlyKeys("default", "eu");
        assertThat(accounts.get("eu").amazonPay().region()).isEqualTo("eu");
        assertThat(accounts.get("eu").amazonPay().demoMode()).isTrue();
        assertThat(accounts.get("default").amazonPay().region()).isEqualTo("na");
    }

    private Map<String, AccountSettings> read(Path config) {
        return ConfigFiles.read(Optional.of(config), AccountSettings::readAll);
    }

    private Path write(String properties) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "accounts", ".properties"), properties);
    }
}
