package io.payreports.http;

import static io.payreports.hostile.FakeAmazonPayReports.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.amazonpay.DocumentDownload;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.ReportDocument;
import io.payreports.amazonpay.ReportQuery;
import io.payreports.config.RuntimeClock;
import io.payreports.hostile.HostileServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our Amazon Pay client against peers that redirect, trickle or refuse: it fails fast, clearly, and sends nothing elsewhere. */
class GuardedHttpTest {

    private static final ReportQuery QUERY = new ReportQuery(
            List.of("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_"),
            List.of(),
            Instant.parse("2026-11-01T00:00:00Z"),
            null,
            100);

    @AfterEach
    void defaultDeadlines() {
        GuardedHttp.use(HttpDeadlines.DEFAULTS);
    }

    @Test
    void aRedirectOfASignedCallIsRefusedAndTheSignatureGoesNowhereElse() throws Exception {
        try (HostileServer elsewhere = HostileServer.start();
                HostileServer amazon = HostileServer.start()) {
            elsewhere.on("/", HostileServer.json(200, "{\"reports\":[]}"));
            amazon.on(API + "/reports", exchange -> {
                exchange.getResponseHeaders()
                        .set("Location", elsewhere.baseUrl() + API + "/reports?X-Amz-Signature=secret");
                exchange.sendResponseHeaders(302, -1);
            });

            assertThatThrownBy(() -> client(amazon).listReports(QUERY))
                    .isInstanceOf(RedirectRefusedException.class)
                    .hasMessage(
                            "getReports answered HTTP 302 redirecting to 127.0.0.1; not followed: signed requests go only to 127.0.0.1:"
                                    + amazon.port());
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void anApiAnswerThatTricklesIsCutOffAtTheCallDeadline() throws Exception {
        GuardedHttp.use(new HttpDeadlines(
                Duration.ofSeconds(1),
                HttpDeadlines.DEFAULTS.downloadMinBytesPerSecond(),
                HttpDeadlines.DEFAULTS.downloadGrace()));
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on(API + "/reports", HostileServer.trickle("application/json", "{\"reports\":[]}", 500));

            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThatThrownBy(() -> client(amazon).listReports(QUERY))
                            .isInstanceOf(DeadlineExceededException.class)
                            .hasMessage("getReports to 127.0.0.1:" + amazon.port()
                                    + " did not finish within payreports.http.call-deadline (1 s)"));
        }
    }

    @Test
    void aDocumentThatTricklesIsCutOffBelowTheRateFloor() throws Exception {
        GuardedHttp.use(new HttpDeadlines(Duration.ofSeconds(30), 1024, Duration.ofSeconds(1)));
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/documents/", HostileServer.trickle("text/plain", "x".repeat(1000), 1000));
            ReportDocument document = new ReportDocument("DOC-1", amazon.baseUrl() + "/documents/DOC-1", null);

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                DocumentDownload download = client(amazon).openDownload(document);
                try (InputStream body = download.body()) {
                    assertThatThrownBy(body::readAllBytes)
                            .isInstanceOf(IOException.class)
                            .hasMessageStartingWith("download of report document DOC-1 cut off: ")
                            .hasMessageContaining(
                                    "is below payreports.http.download-min-rate (1024 bytes/s after payreports.http.download-grace 1 s)");
                }
                assertThat(Thread.currentThread().isInterrupted())
                        .as("the watchdog's wake-up does not linger")
                        .isFalse();
            });
        }
    }

    @Test
    void aRefusedConnectionNamesHostPortAndCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AmazonPayClient client = client(URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> client.listReports(QUERY))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("getReports to 127.0.0.1:" + closedPort + " failed: could not connect (ConnectException)");
    }

    private static AmazonPayClient client(HostileServer server) {
        return client(URI.create(server.baseUrl()));
    }

    private static AmazonPayClient client(URI endpoint) {
        AmazonPayConfig config = new AmazonPayConfig(
                endpoint, "na", "live", "HOSTILE", Duration.ofSeconds(2), Duration.ofSeconds(5), null);
        return new AmazonPayClient(
                config,
                new AmazonPaySigner("HOSTILE", PemKeys.generateRsaKeyPair().getPrivate(), "na", RuntimeClock.get()));
    }
}
