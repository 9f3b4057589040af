package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.health.SinkHealthCheck;
import io.payreports.sinks.servers.KafkaBroker;
import io.payreports.sinks.servers.S3Server;
import io.payreports.sinks.servers.SftpServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health checks of the SFTP, S3 and Kafka sinks, as the runtime binds them, against real servers on
 * 127.0.0.1: UP while the server lets the sink in, DOWN naming the destination (never a secret) when the
 * server is down or refuses the sink's credentials.
 */
class RemoteSinkHealthTest {

    private static final String BUCKET = "health-bucket";
    private static final String WRONG_PASSWORD = "wrong-sftp-password";
    private static final String WRONG_SECRET = "wrong-s3-secret-key";

    @TempDir
    static Path dir;

    private static SftpServer sftp;
    private static S3Server s3;
    private static KafkaBroker kafka;
    /** A port nothing listens on: a server that is down. */
    private static int closed;

    private static DefaultCamelContext context;
    private static DataSources dataSources;
    private static Map<String, SinkHealthCheck> checks;

    @BeforeAll
    static void startServersAndBuildTheSinks() throws Exception {
        sftp = SftpServer.start(dir.resolve("sftp"));
        s3 = S3Server.start(BUCKET);
        kafka = KafkaBroker.start(dir.resolve("kafka"));
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path knownHosts = sftp.knownHosts(dir.resolve("known_hosts"));
        Path properties = Files.writeString(
                dir.resolve("application.properties"),
                String.join(
                        "\n",
                        List.of(
                                "payreports.output-dir = " + dir.resolve("out"),
                                "payreports.data-dir = " + dir.resolve("data"),
                                "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                                sftp("bank", sftp.port(), SftpServer.PASSWORD, knownHosts),
                                sftp("bank-wrong-password", sftp.port(), WRONG_PASSWORD, knownHosts),
                                sftp("bank-down", closed, SftpServer.PASSWORD, knownHosts),
                                s3("lake", s3.endpoint(), BUCKET, S3Server.SECRET_KEY),
                                s3("lake-wrong-key", s3.endpoint(), BUCKET, WRONG_SECRET),
                                s3("lake-no-bucket", s3.endpoint(), "no-such-bucket", S3Server.SECRET_KEY),
                                s3("lake-down", "http://127.0.0.1:" + closed, BUCKET, S3Server.SECRET_KEY),
                                kafka("events", kafka.bootstrapServers()),
                                kafka("events-down", "127.0.0.1:" + closed))));
        context = new DefaultCamelContext();
        dataSources = new DataSources();
        checks = SinksOfProperties.build(context, properties, dataSources).healthChecks();
        checks.values().forEach(check -> check.setCamelContext(context));
    }

    @AfterAll
    static void stop() throws Exception {
        context.stop();
        dataSources.close();
        kafka.close();
        s3.close();
        sftp.close();
    }

    @Test
    void eachRemoteSinkIsUpWhileItsServerLetsItIn() {
        assertThat(checks).containsKeys("file", "jdbc", "bank", "lake", "events");

        assertThat(up("bank")).containsEntry("answer", "logged in to 127.0.0.1:" + sftp.port() + " as payreports");
        assertThat(up("lake")).containsEntry("answer", "bucket " + BUCKET + " answers");
        assertThat(up("events"))
                .containsEntry("destination", "kafka topic payreports.{layout} at " + kafka.bootstrapServers())
                .hasEntrySatisfying(
                        "answer", answer -> assertThat((String) answer).startsWith("Kafka cluster "));
    }

    @Test
    void aServerThatIsDownIsNamedByTheSinksDestination() {
        assertThat(down("bank-down"))
                .startsWith("sink bank-down (sftp://127.0.0.1:" + closed + "/) is not reachable: Cannot connect to ")
                .contains("Connection refused");
        assertThat(down("lake-down"))
                .startsWith(
                        "sink lake-down (s3://" + BUCKET + " at http://127.0.0.1:" + closed + ") is not reachable: ")
                .contains("Connection refused");
        assertThat(down("events-down"))
                .startsWith("sink events-down (kafka topic payreports.{layout} at 127.0.0.1:" + closed + ") ")
                .satisfiesAnyOf(
                        message -> assertThat(message)
                                .endsWith("no broker of 127.0.0.1:" + closed + " answered within 1000 ms"),
                        message -> assertThat(message).contains("Timed out waiting for a node assignment"));
    }

    @Test
    void credentialsTheServerRefusesAreDownWithoutTheSecret() {
        assertThat(down("bank-wrong-password"))
                .startsWith("sink bank-wrong-password (sftp://127.0.0.1:" + sftp.port() + "/) is not reachable: ")
                .contains("Auth fail");
        assertThat(down("lake-wrong-key"))
                .startsWith(
                        "sink lake-wrong-key (s3://" + BUCKET + " at " + s3.endpoint() + ") is not reachable: bucket "
                                + BUCKET + " refuses these credentials (wrong keys or no permission)");
        assertThat(down("lake-no-bucket")).contains("is not reachable: bucket no-such-bucket does not exist");
    }

    private static Map<String, Object> up(String sink) {
        HealthCheck.Result result = answer(sink);
        assertThat(result.getState()).as(result.getMessage().orElse("")).isEqualTo(HealthCheck.State.UP);
        return result.getDetails();
    }

    private static String down(String sink) {
        HealthCheck.Result result = answer(sink);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        String shown = result.getMessage().orElseThrow() + " " + result.getDetails();
        assertThat(shown).doesNotContain(SftpServer.PASSWORD, WRONG_PASSWORD, S3Server.SECRET_KEY, WRONG_SECRET);
        return result.getMessage().orElseThrow();
    }

    /**
     * The check's result once its probe has answered: a first login (a Kafka admin client's first
     * metadata) may take longer than the check waits, and the next call waits for the same probe.
     */
    private static HealthCheck.Result answer(String sink) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HealthCheck.Result result = checks.get(sink).call(Map.of());
        while (result.getMessage()
                        .filter(message -> message.contains("did not answer within"))
                        .isPresent()
                && System.nanoTime() < deadline) {
            result = checks.get(sink).call(Map.of());
        }
        return result;
    }

    private static String sftp(String name, int port, String password, Path knownHosts) {
        return String.join(
                "\n",
                "payreports.sinks." + name + ".type = sftp",
                "payreports.sinks." + name + ".host = 127.0.0.1",
                "payreports.sinks." + name + ".port = " + port,
                "payreports.sinks." + name + ".username = " + SftpServer.USER,
                "payreports.sinks." + name + ".password = " + password,
                "payreports.sinks." + name + ".known-hosts-file = " + knownHosts,
                "payreports.sinks." + name + ".timeout = 1s");
    }

    private static String s3(String name, String endpoint, String bucket, String secretKey) {
        return String.join(
                "\n",
                "payreports.sinks." + name + ".type = s3",
                "payreports.sinks." + name + ".bucket = " + bucket,
                "payreports.sinks." + name + ".endpoint = " + endpoint,
                "payreports.sinks." + name + ".path-style = true",
                "payreports.sinks." + name + ".access-key = " + S3Server.ACCESS_KEY,
                "payreports.sinks." + name + ".secret-key = " + secretKey,
                "payreports.sinks." + name + ".timeout = 1s");
    }

    private static String kafka(String name, String bootstrapServers) {
        return String.join(
                "\n",
                "payreports.sinks." + name + ".type = kafka",
                "payreports.sinks." + name + ".bootstrap-servers = " + bootstrapServers,
                "payreports.sinks." + name + ".timeout = 1s");
    }
}
