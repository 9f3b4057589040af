package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.payreports.amazonpay.PemKeys;
import io.payreports.hostile.HostileServer;
import io.payreports.http.GuardedHttp;
import io.payreports.http.HttpDeadlines;
import io.payreports.http.PagingGuard;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api} against endpoints that do not answer as they should: it honours the operator's
 * {@code payreports.http.*} as {@code run} does, and says what went wrong in one line, without a stack trace.
 */
class ApiCommandHostileTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @AfterEach
    void processDefaults() {
        GuardedHttp.use(HttpDeadlines.DEFAULTS);
        PagingGuard.use(PagingGuard.Limits.DEFAULTS);
    }

    @Test
    void aTricklingAmazonPayEndpointIsCutOffAtTheConfiguredCallDeadline() throws Exception {
        try (HostileServer server = HostileServer.start()
                .on("/", HostileServer.trickle("application/json", "{\"reports\":[]}".repeat(20), 1_000))) {
            Path config = amazonPayConfig(server.baseUrl(), "payreports.http.call-deadline = 2s");

            int exitCode = assertTimeoutPreemptively(
                    Duration.ofSeconds(60),
                    () -> PayreportsCommand.execute("api", "getReports", "--config", config.toString()));

            assertThat(exitCode).isEqualTo(1);
            assertThat(console.err().strip())
                    .as("the operator's 2 s, not the default 3 minutes")
                    .contains("127.0.0.1:" + server.port(), "did not finish within payreports.http.call-deadline (2 s)")
                    .doesNotContain("\tat ", "Exception");
        }
    }

    @Test
    void aTricklingSpApiEndpointIsCutOffAtTheConfiguredCallDeadline() throws Exception {
        try (HostileServer server = HostileServer.start()
                .on("/", HostileServer.trickle("application/json", "{\"access_token\":\"x\"}".repeat(20), 1_000))) {
            Path config = Files.writeString(
                    dir.resolve("application.properties"),
                    String.join(
                            "\n",
                            "payreports.spapi.endpoint = " + server.baseUrl(),
                            "payreports.spapi.lwa-endpoint = " + server.baseUrl() + "/auth/o2/token",
                            "payreports.spapi.client-id = amzn1.application-oa2-client.cli",
                            "payreports.spapi.client-secret = cli-secret",
                            "payreports.spapi.refresh-token = Atzr|cli",
                            "payreports.http.call-deadline = 2s",
                            ""));

            int exitCode = assertTimeoutPreemptively(
                    Duration.ofSeconds(60),
                    () -> PayreportsCommand.execute(
                            "api", "getPaymentMethods", "--config", config.toString(), "--param", "marketplaceId=X"));

            assertThat(exitCode).isEqualTo(1);
            assertThat(console.err())
                    .contains("payreports.http.call-deadline (2 s)")
                    .doesNotContain("\tat ", "cli-secret", "Atzr|cli");
        }
    }

    @Test
    void aRefusedConnectionIsOneLineNamingHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = amazonPayConfig("http://127.0.0.1:" + closedPort, "payreports.retry.maximum-redeliveries = 0");

        int exitCode = PayreportsCommand.execute("api", "getReports", "--config", config.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(console.err().strip())
                .startsWith("api: getReports to 127.0.0.1:" + closedPort + " failed: ")
                .contains("could not connect")
                .doesNotContain("\n", "\tat ", "null");
    }

    private Path amazonPayConfig(String endpoint, String extra) throws IOException {
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(PemKeys.generateRsaKeyPair().getPrivate(), key);
        return Files.writeString(
                dir.resolve("application.properties"),
                String.join(
                        "\n",
                        "payreports.amazonpay.endpoint = " + endpoint,
                        "payreports.amazonpay.public-key-id = LIVE-HOSTILE",
                        "payreports.amazonpay.private-key-file = " + key,
                        extra,
                        ""));
    }
}
