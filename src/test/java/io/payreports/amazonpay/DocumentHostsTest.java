package io.payreports.amazonpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentHostsTest {

    @Test
    void amazonsDefaultAllowsHostsBelowItsDomainsButNotLookalikes() {
        DocumentHosts amazon = DocumentHosts.AMAZON;

        assertThat(amazon.allows("tortuga-prod-na.s3-external-1.amazonaws.com")).isTrue();
        assertThat(amazon.allows("TORTUGA-PROD-EU.S3.EU-WEST-1.AMAZONAWS.COM")).isTrue();
        assertThat(amazon.allows("s3.amazonaws.com.")).as("trailing dot").isTrue();
        assertThat(amazon.allows("pay-api.amazon.com")).isTrue();
        assertThat(amazon.allows("amazonaws.com"))
                .as("a wildcard needs a label before the suffix")
                .isFalse();
        assertThat(amazon.allows("evilamazonaws.com")).isFalse();
        assertThat(amazon.allows("amazonaws.com.evil.example")).isFalse();
        assertThat(amazon.allows("127.0.0.1")).isFalse();
    }

    @Test
    void exactEntriesMatchOnlyThemselvesAndWildcardsAnyDepth() {
        DocumentHosts hosts = DocumentHosts.parse(" Reports.Example , *.cdn.example,127.0.0.1");

        assertThat(hosts.allows("reports.example")).isTrue();
        assertThat(hosts.allows("www.reports.example")).isFalse();
        assertThat(hosts.allows("a.b.cdn.example")).isTrue();
        assertThat(hosts.allows("cdn.example")).isFalse();
        assertThat(hosts.allows("127.0.0.1")).isTrue();
        assertThat(hosts.allows("127.0.0.2")).isFalse();
        assertThat(hosts).hasToString("reports.example,*.cdn.example,127.0.0.1");
    }

    @Test
    void anEntryThatIsNeitherAHostNorASuffixWildcardIsNamed() {
        for (String bad :
                new String[] {"*", "*amazon.com", "a.*.com", "https://s3.amazonaws.com", "s3.amazonaws.com:443"}) {
            assertThatThrownBy(() -> DocumentHosts.parse("*.amazonaws.com," + bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a host name or *.suffix wildcard: '" + bad + "'");
        }
    }

    @Test
    void loopbackIsRecognisedByNameWithoutResolving() {
        assertThat(DocumentHosts.isLoopback("localhost")).isTrue();
        assertThat(DocumentHosts.isLoopback("127.0.0.2")).isTrue();
        assertThat(DocumentHosts.isLoopback("[::1]")).isTrue();
        assertThat(DocumentHosts.isLoopback("127.evil.example")).isFalse();
        assertThat(DocumentHosts.isLoopback("10.0.0.1")).isFalse();
    }

    @Test
    void aLoopbackEndpointAllowsTheSimulatorsDocumentHostsAndAnAmazonOneDoesNot() {
        AmazonPayConfig simulator = config(URI.create("http://localhost:8443"));
        assertThat(simulator.documents().hosts().allows("127.0.0.1")).isTrue();
        assertThat(simulator.documents().hosts().allows("localhost")).isTrue();
        assertThat(simulator.documents().hosts().allows("s3.amazonaws.com"))
                .as("the configured hosts stay")
                .isTrue();

        AmazonPayConfig amazon = config(null);
        assertThat(amazon.documents().hosts().allows("127.0.0.1")).isFalse();
        assertThat(amazon.documents()).isEqualTo(DocumentPolicy.DEFAULT);
    }

    @Test
    void onlyHttpsUrlsOnAllowedHostsPassAndARefusalNeverShowsTheQuery() {
        DocumentHosts hosts = DocumentHosts.AMAZON.plus("127.0.0.1");
        assertThat(hosts.check(document("https://tortuga.s3.amazonaws.com/D1?X-Amz-Signature=secret"))
                        .getHost())
                .isEqualTo("tortuga.s3.amazonaws.com");
        assertThat(hosts.check(document("http://127.0.0.1:8443/tortuga/D1?X-Amz-Signature=secret"))
                        .getPort())
                .isEqualTo(8443);

        assertRefused(
                hosts,
                "https://evil.example/D1?X-Amz-Signature=secret",
                "refusing to download report document D1: host evil.example is not in payreports.amazonpay.document-hosts (*.amazonaws.com,*.amazon.com,127.0.0.1)");
        assertRefused(
                hosts,
                "https://s3.amazonaws.com@evil.example/D1?X-Amz-Signature=secret",
                "refusing to download report document D1: host evil.example is not in payreports.amazonpay.document-hosts (*.amazonaws.com,*.amazon.com,127.0.0.1)");
        assertRefused(
                hosts,
                "http://tortuga.s3.amazonaws.com/D1?X-Amz-Signature=secret",
                "refusing to download report document D1: host tortuga.s3.amazonaws.com is not served over https");
        assertRefused(
                hosts,
                "https://tortuga s3.amazonaws.com/D1?X-Amz-Signature=secret",
                "refusing to download report document D1: its URL is not valid");
        assertRefused(hosts, null, "refusing to download report document D1: its URL names no host");
    }

    private static void assertRefused(DocumentHosts hosts, String url, String message) {
        assertThatThrownBy(() -> hosts.check(document(url)))
                .isInstanceOf(DocumentUrlRefusedException.class)
                .hasMessage(message);
    }

    private static ReportDocument document(String url) {
        return new ReportDocument("D1", url, "N/A");
    }

    private static AmazonPayConfig config(URI endpoint) {
        return new AmazonPayConfig(endpoint, "na", "live", "KEY", Duration.ofSeconds(1), Duration.ofSeconds(1), null);
    }
}
