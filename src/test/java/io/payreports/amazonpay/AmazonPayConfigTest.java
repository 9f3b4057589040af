package io.payreports.amazonpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmazonPayConfigTest {

    @Test
    void regionsMapToAmazonPayHostsAndAliasesAreAccepted() {
        assertThat(config(null, "na", "live").apiBase()).isEqualTo("https://pay-api.amazon.com/live/v2");
        assertThat(config(null, "de", "sandbox").apiBase()).isEqualTo("https://pay-api.amazon.eu/sandbox/v2");
        assertThat(config(null, "jp", "live").apiBase()).isEqualTo("https://pay-api.amazon.jp/live/v2");
        assertThat(config(null, "us", "live").region()).isEqualTo("na");
    }

    @Test
    void anEndpointOverrideKeepsTheEnvironmentPath() {
        assertThat(config(URI.create("http://127.0.0.1:8443/"), "eu", "live").apiBase())
                .isEqualTo("http://127.0.0.1:8443/live/v2");
    }

    @Test
    void aKeyIdThatNamesItsEnvironmentCallsV2WithoutTheEnvironmentSegment() {
        assertThat(config(null, "na", "live", "LIVE-AFVX7ULWSGBZ5535PCUQOY7B").apiBase())
                .isEqualTo("https://pay-api.amazon.com/v2");
        assertThat(config(null, "eu", "live", "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B")
                        .apiBase())
                .isEqualTo("https://pay-api.amazon.eu/v2");
        assertThat(config(null, "jp", "sandbox", "live-lowercase").apiBase())
                .as("the SDK compares in capitals")
                .isEqualTo("https://pay-api.amazon.jp/v2");
        assertThat(config(null, "na", "sandbox", "AFVX7ULWSGBZ5535PCUQOY7B").apiBase())
                .isEqualTo("https://pay-api.amazon.com/sandbox/v2");
    }

    @Test
    void unknownRegionOrEnvironmentIsAClearError() {
        assertThatThrownBy(() -> config(null, "mars", "live")).hasMessage("region must be na, eu or jp, not 'mars'");
        assertThatThrownBy(() -> config(null, "na", "prod"))
                .hasMessage("environment must be live or sandbox, not 'prod'");
    }

    @Test
    void amazonDatesReadInBasicAndExtendedForm() {
        Instant instant = Instant.parse("2022-11-18T15:06:30Z");
        assertThat(AmazonPayDates.parse("20221118T150630Z")).isEqualTo(instant);
        assertThat(AmazonPayDates.parse("2022-11-18T15:06:30Z")).isEqualTo(instant);
        assertThat(AmazonPayDates.parse("2022-11-18T16:06:30+01:00")).isEqualTo(instant);
        assertThat(AmazonPayDates.parse("2022-11-18T15-06-30Z"))
                .as("the reference's request examples")
                .isEqualTo(instant);
        assertThat(AmazonPayDates.parse("2022-11-18T15:06:30.000Z")).isEqualTo(instant);
        assertThat(AmazonPayDates.basic(instant)).isEqualTo("20221118T150630Z");
        assertThat(AmazonPayDates.basic(instant.plusNanos(843_885_452)))
                .as("no fraction, never rounded up")
                .isEqualTo("20221118T150630Z");
        assertThatThrownBy(() -> AmazonPayDates.parse("yesterday"))
                .hasMessage("not an ISO 8601 date-time: 'yesterday'");
    }

    @Test
    void pageSizeIsCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> new ReportQuery(null, null, null, null, 0))
                .hasMessage("pageSize must be between 1 and 100, not 0");
        assertThatThrownBy(() -> new ReportQuery(null, null, null, null, 101))
                .hasMessage("pageSize must be between 1 and 100, not 101");
    }

    @Test
    void queryValuesAreEncodedAsAmazonsCanonicalRequestExpects() {
        assertThat(CanonicalRequest.encode("_A_,_B_ 2024-01-01T00:00:00Z~*"))
                .isEqualTo("_A_%2C_B_%202024-01-01T00%3A00%3A00Z~%2A");
    }

    private static AmazonPayConfig config(URI endpoint, String region, String environment) {
        return config(endpoint, region, environment, "KEY");
    }

    private static AmazonPayConfig config(URI endpoint, String region, String environment, String publicKeyId) {
        return new AmazonPayConfig(
                endpoint, region, environment, publicKeyId, Duration.ofSeconds(1), Duration.ofSeconds(1), null);
    }
}
