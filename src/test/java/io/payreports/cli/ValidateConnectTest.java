package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.MwsSimulator;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import io.payreports.sinks.servers.KafkaBroker;
import io.payreports.sinks.servers.S3Server;
import io.payreports.sinks.servers.SftpServer;
import io.payreports.spapi.LwaCredentials;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --connect} reaches every kind of connection the configuration names, each against a
 * real server on 127.0.0.1, moves no state, and names the key of each one that does not answer.
 */
class ValidateConnectTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String KEY_ID = "LIVE-CONNECTCHECK";
    private static final LwaCredentials LWA = new LwaCredentials(
            "amzn1.application-oa2-client.connect", "connect-Client-Secret-1", "Atzr|connect-Refresh-Token-2");
    private static final String BUCKET = "finance-reports";

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void everyConfiguredConnectionIsReachedWithoutMovingState() throws Exception {
        try (SftpServer sftp = SftpServer.start(dir.resolve("sftp"));
                S3Server s3 = S3Server.start(BUCKET);
                KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
                AmazonPaySimulator amazonPay =
                        AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get()));
                SpApiSimulator spApi = SpApiSimulator.start(
                        SpApiSimulatorOptions.of(0, RuntimeClock.get()).withCredentials(LWA));
                MwsSimulator mws = MwsSimulator.start(MwsSimulator.Options.of(
                        0, "AKIACONNECT", "mws-connect-secret", "A1CONNECT", RuntimeClock.get()))) {
            List<String> settings = new ArrayList<>(sinks(
                    sftp.port(), sftp.knownHosts(dir.resolve("known_hosts")), s3.endpoint(), kafka.bootstrapServers()));
            settings.addAll(amazonApis(amazonPay, spApi, mws));

            assertThat(validateConnect(settings)).as(console.err()).isZero();

            assertThat(console.out())
                    .contains("sink bank sftp://127.0.0.1:" + sftp.port() + "/upload: ok (logged in to 127.0.0.1:"
                            + sftp.port() + " as " + SftpServer.USER + ")")
                    .contains("sink lake s3://" + BUCKET + " at " + s3.endpoint() + ": ok (bucket " + BUCKET
                            + " answers)")
                    .contains("sink events kafka topic payreports.{layout} at " + kafka.bootstrapServers()
                            + ": ok (Kafka cluster ")
                    .contains("at " + amazonPay.baseUrl() + ": ok (getReports answered ")
                    .contains("SP-API at " + spApi.baseUrl() + ": ok (listTransactions answered ")
                    .contains("MWS at " + mws.baseUrl() + ": ok (GetReportList answered ")
                    .doesNotContain(SftpServer.PASSWORD, S3Server.SECRET_KEY, LWA.clientSecret(), LWA.refreshToken());
            try (var uploads = Files.walk(sftp.root())) {
                assertThat(uploads.filter(Files::isRegularFile))
                        .as("nothing written to the SFTP server")
                        .isEmpty();
            }
            assertThat(s3.blobStore().list(BUCKET))
                    .as("nothing written to the bucket")
                    .isEmpty();
            assertThat(Files.exists(dir.resolve("data"))).as("no state created").isFalse();
        }
    }

    @Test
    void aConnectionThatDoesNotAnswerIsNamedByItsKey() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (AmazonPaySimulator amazonPay = AmazonPaySimulator.start(
                SimulatorOptions.of(0, KEY_ID, PemKeys.generateRsaKeyPair().getPublic(), RuntimeClock.get()))) {
            List<String> settings = new ArrayList<>(
                    sinks(closed, dir.resolve("known_hosts"), "http://127.0.0.1:" + closed, "127.0.0.1:" + closed));
            settings.addAll(List.of(
                    "payreports.amazonpay.endpoint = " + amazonPay.baseUrl(),
                    "payreports.amazonpay.public-key-id = " + KEY_ID,
                    "payreports.amazonpay.private-key-file = " + privateKey()));

            assertThat(validateConnect(settings)).isEqualTo(2);

            assertThat(console.err())
                    .contains("payreports.sinks.bank.host: sink bank sftp://127.0.0.1:" + closed
                            + "/upload does not answer: ")
                    .contains("payreports.sinks.lake.bucket: sink lake s3://" + BUCKET)
                    .contains("payreports.sinks.events.bootstrap-servers: sink events kafka topic")
                    .contains(
                            "payreports.amazonpay.public-key-id: Amazon Pay",
                            "does not answer: ",
                            "InvalidRequestSignature")
                    .doesNotContain(SftpServer.PASSWORD, S3Server.SECRET_KEY);
        }
    }

    private List<String> sinks(int sftpPort, Path knownHosts, String s3Endpoint, String kafkaServers) {
        return List.of(
                "payreports.output-dir = " + dir.resolve("out"),
                "payreports.data-dir = " + dir.resolve("data"),
                "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                "payreports.sinks.bank.type = sftp",
                "payreports.sinks.bank.host = 127.0.0.1",
                "payreports.sinks.bank.port = " + sftpPort,
                "payreports.sinks.bank.username = " + SftpServer.USER,
                "payreports.sinks.bank.password = " + SftpServer.PASSWORD,
                "payreports.sinks.bank.known-hosts-file = " + knownHosts,
                "payreports.sinks.bank.directory = upload",
                "payreports.sinks.lake.type = s3",
                "payreports.sinks.lake.bucket = " + BUCKET,
                "payreports.sinks.lake.endpoint = " + s3Endpoint,
                "payreports.sinks.lake.path-style = true",
                "payreports.sinks.lake.access-key = " + S3Server.ACCESS_KEY,
                "payreports.sinks.lake.secret-key = " + S3Server.SECRET_KEY,
                "payreports.sinks.events.type = kafka",
                "payreports.sinks.events.bootstrap-servers = " + kafkaServers,
                "payreports.sinks.events.timeout = 3s");
    }

    private List<String> amazonApis(AmazonPaySimulator amazonPay, SpApiSimulator spApi, MwsSimulator mws)
            throws Exception {
        return List.of(
                "payreports.amazonpay.endpoint = " + amazonPay.baseUrl(),
                "payreports.amazonpay.public-key-id = " + KEY_ID,
                "payreports.amazonpay.private-key-file = " + privateKey(),
                "payreports.spapi.endpoint = " + spApi.baseUrl(),
                "payreports.spapi.lwa-endpoint = " + spApi.lwaEndpoint(),
                "payreports.spapi.client-id = " + LWA.clientId(),
                "payreports.spapi.client-secret = " + LWA.clientSecret(),
                "payreports.spapi.refresh-token = " + LWA.refreshToken(),
                "payreports.mws.endpoint = " + mws.baseUrl(),
                "payreports.mws.access-key-id = AKIACONNECT",
                "payreports.mws.secret-key = mws-connect-secret",
                "payreports.mws.seller-id = A1CONNECT");
    }

    private Path privateKey() throws Exception {
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        return key;
    }

    private int validateConnect(List<String> settings) throws Exception {
        Path config = Files.writeString(dir.resolve("application.properties"), String.join("\n", settings) + "\n");
        Files.createDirectories(dir.resolve("routes"));
        return PayreportsCommand.execute(
                "validate",
                "--connect",
                "--config",
                config.toString(),
                "--routes",
                dir.resolve("routes").toString());
    }
}
