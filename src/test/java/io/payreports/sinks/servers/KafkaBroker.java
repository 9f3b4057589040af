package io.payreports.sinks.servers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka node in KRaft mode (broker and controller in one), on 127.0.0.1 with random ports and a
 * log directory of the test's. Restarting keeps the ports and the log, as a real restart would. With SASL
 * users it has a second client listener, SASL_PLAINTEXT with PLAIN, letting in those users only; the
 * plaintext one stays for the broker's own traffic and the tests' consumers.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    /** User name to password of the SASL listener; none: no such listener. */
    private final Map<String, String> saslUsers;

    private KafkaRaftServer server;

    private KafkaBroker(Path logDir, Map<String, String> saslUsers) throws IOException {
        this.logDir = logDir;
        this.port = freePort();
        this.controllerPort = freePort();
        this.saslPort = saslUsers.isEmpty() ? 0 : freePort();
        this.saslUsers = saslUsers;
    }

    public static KafkaBroker start(Path logDir) throws Exception {
        return start(logDir, Map.of());
    }

    /** With a SASL_PLAINTEXT listener ({@link #saslBootstrapServers()}) using PLAIN, for these users and passwords. */
    public static KafkaBroker start(Path logDir, Map<String, String> saslUsers) throws Exception {
        KafkaBroker broker = new KafkaBroker(logDir, saslUsers);
        new Formatter()
                .setClusterId("payreports-test-cluster1")
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        broker.start();
        return broker;
    }

    public synchronized void start() {
        String listeners = "PLAINTEXT://127.0.0.1:" + port;
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (saslPort != 0) {
            listeners += ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
            protocols += ",SASL_PLAINTEXT:SASL_PLAINTEXT";
        }
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", listeners + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", listeners),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", protocols),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        if (saslPort != 0) {
            config.put("sasl.enabled.mechanisms", "PLAIN");
            config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plainUsers());
        }
        server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
    }

    /** The broker side of PLAIN: one {@code user_<name>="<password>"} per user. */
    private String plainUsers() {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        saslUsers.forEach((user, password) -> jaas.append(" user_")
                .append(user)
                .append("=\"")
                .append(password)
                .append('"'));
        return jaas.append(';').toString();
    }

    public synchronized void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL_PLAINTEXT listener's address, of a broker started with SASL users. */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
