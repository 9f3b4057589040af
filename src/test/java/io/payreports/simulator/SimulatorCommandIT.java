package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulator --port N --public-key-file pub.pem} from the jar, called with requests the official SDK signed. */
class SimulatorCommandIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatorCommandAcceptsSdkSignedRequestsAndRejectsATamperedSignature() throws Exception {
        KeyPair keys = PemKeys.generateRsaKeyPair();
        Path publicKey = dir.resolve("pub.pem");
        PemKeys.writePublicKey(keys.getPublic(), publicKey);
        int port;
        int mwsPort;
        try (ServerSocket free = new ServerSocket(0);
                ServerSocket alsoFree = new ServerSocket(0)) {
            port = free.getLocalPort();
            mwsPort = alsoFree.getLocalPort(); // not port + 1, the default, which another process may hold
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target", "payreports.jar").toAbsolutePath().toString(),
                        "simulator",
                        "--port",
                        Integer.toString(port),
                        "--mws-port",
                        Integer.toString(mwsPort),
                        "--public-key-file",
                        publicKey.toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put(RuntimeClock.ENV, RuntimeClock.get().instant().toString()); // the suite's calendar
        Process simulator = builder.start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.contains("listening on"));
            assertThat(line).contains("http://127.0.0.1:" + port);

            SdkSignedRequests sdk = new SdkSignedRequests("LIVE-ANYKEYID", keys.getPrivate());
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> accepted = sdk.getReports(base, false);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            HttpResponse<String> rejected = sdk.getReports(base, true);
            assertThat(rejected.statusCode()).isEqualTo(401);
            assertThat(rejected.body()).contains("InvalidRequestSignature");
        } finally {
            simulator.destroy();
            simulator.waitFor();
        }
    }
}
