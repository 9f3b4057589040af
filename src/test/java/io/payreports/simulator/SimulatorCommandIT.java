package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulator --port N --public-key-file pub.pem}, and {@code simulator --account na:NA --account eu:EU}, from the
 * jar, called with requests the official SDK signed.
 */
class SimulatorCommandIT {

    @TempDir
    Path dir;

    @Test
    void theSimulatorCommandAcceptsSdkSignedRequestsAndRejectsATamperedSignature() throws Exception {
        KeyPair keys = PemKeys.generateRsaKeyPair();
        Path publicKey = dir.resolve("pub.pem");
        PemKeys.writePublicKey(keys.getPublic(), publicKey);
        int[] ports = twoFreePorts();
        int port = ports[0];
        Process simulator = start(ports, "--public-key-file", publicKey.toString());
        try (BufferedReader output = output(simulator)) {
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

    @Test
    void withAccountsEachIsServedUnderItsOwnKeyWhichItPrintsAndWritesOut() throws Exception {
        int[] ports = twoFreePorts();
        int port = ports[0];
        Process simulator = start(ports, "--account", "na:NA", "--account", "eu:EU");
        try (BufferedReader output = output(simulator)) {
            Map<String, String> keyIds = new HashMap<>();
            Pattern keyId = Pattern.compile("payreports\\.accounts\\.(\\w+)\\.amazonpay\\.public-key-id=(\\S+)");
            for (String line = output.readLine(); line != null && keyIds.size() < 2; line = output.readLine()) {
                Matcher printed = keyId.matcher(line);
                if (printed.find()) {
                    keyIds.put(printed.group(1), printed.group(2));
                }
            }
            assertThat(keyIds).containsOnlyKeys("na", "eu");
            PrivateKey naKey = PemKeys.readPrivateKey(dir.resolve("simulator-keys/na/private-key.pem"));
            URI base = URI.create("http://127.0.0.1:" + port);

            HttpResponse<String> accepted = new SdkSignedRequests(keyIds.get("na"), naKey).getReports(base, false);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            HttpResponse<String> crossSigned = new SdkSignedRequests(keyIds.get("eu"), naKey).getReports(base, false);
            assertThat(crossSigned.statusCode()).isEqualTo(401);
            assertThat(crossSigned.body()).contains("InvalidRequestSignature");
        } finally {
            simulator.destroy();
            simulator.waitFor();
        }
    }

    /** The simulator command from the jar, in the test's directory, on the first port and MWS on the second. */
    private Process start(int[] ports, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target", "payreports.jar").toAbsolutePath().toString(),
                "simulator",
                "--port",
                Integer.toString(ports[0]),
                "--mws-port",
                Integer.toString(ports[1])));
        command.addAll(List.of(options));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put(RuntimeClock.ENV, RuntimeClock.get().instant().toString()); // the suite's calendar
        return builder.start();
    }

    private static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Two ports free at once: the MWS simulator's is not port + 1, the default, which another process may hold. */
    private static int[] twoFreePorts() throws IOException {
        try (ServerSocket free = new ServerSocket(0);
                ServerSocket alsoFree = new ServerSocket(0)) {
            return new int[] {free.getLocalPort(), alsoFree.getLocalPort()};
        }
    }
}
