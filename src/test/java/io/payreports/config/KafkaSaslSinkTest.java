package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.payreports.jobs.JobRun;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.sinks.Reachable;
import io.payreports.sinks.servers.KafkaBroker;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka sink against a broker that lets in SASL logins only (PLAIN over SASL_PLAINTEXT), as Confluent Cloud and
 * Amazon MSK do: with the right JAAS config its probe answers and a report's records arrive; with a wrong password
 * the probe and the delivery fail saying the login was refused, and the password shows nowhere.
 */
class KafkaSaslSinkTest {

    private static final String USER = "payreports";
    private static final String PASSWORD = "kafka-sasl-password";
    private static final String WRONG_PASSWORD = "wrong-kafka-password";

    @TempDir
    Path dir;

    @Test
    void theRightLoginDeliversAndAWrongOneIsRefusedWithoutShowingThePassword() throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Map.of(USER, PASSWORD));
                AmazonPaySimulator simulator = harness.simulator()) {
            String[] sinks = Stream.concat(
                            sasl("events", kafka.saslBootstrapServers(), PASSWORD).stream(),
                            sasl("events-wrong", kafka.saslBootstrapServers(), WRONG_PASSWORD).stream())
                    .toArray(String[]::new);

            StringWriter logs = new StringWriter();
            JobRun run;
            try (AutoCloseable capture = LogCapture.captureLogs(logs)) {
                assertThat(probe(sinks, "events")).startsWith("Kafka cluster ");
                assertThatThrownBy(() -> probe(sinks, "events-wrong"))
                        .satisfies(refused -> assertThat(Reachable.reason(refused))
                                .contains("Authentication failed")
                                .doesNotContain(WRONG_PASSWORD));

                run = harness.runOnce(simulator, "events,events-wrong", sinks);
            }

            int n = SinkDeliveryHarness.RECORDS;
            assertThat(run.deliveredBySink()).containsEntry("events", (long) n);
            assertThat(run.deadLetteredBySink()).containsEntry("events-wrong", (long) n);
            assertThat(AllSinksEndToEndTest.consumeAll(kafka.bootstrapServers(), "payreports.amazonpay_settlement", n))
                    .hasSize(n);
            List<JsonNode> letters = harness.sinkDeadLetters("events-wrong");
            assertThat(letters).hasSize(n);
            assertThat(letters.get(0).get("reason").asText()).contains("Authentication failed");
            assertThat(run.summaryLine()).doesNotContain(WRONG_PASSWORD, PASSWORD);
            assertThat(logs.toString()).contains("Authentication failed").doesNotContain(WRONG_PASSWORD, PASSWORD);
            assertThat(writtenByTheRun()).doesNotContain(WRONG_PASSWORD, PASSWORD);
        }
    }

    /** A key the client cannot take is named with the file and the key, and the secret of its JAAS config is not. */
    @Test
    void aProtocolOrLoginTheSinkCannotTakeIsAValidateErrorOnItsKey() throws Exception {
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                Files.readString(Path.of("config", "application.properties")) + "\n"
                        + String.join(
                                "\n",
                                "payreports.sinks.tls.type = kafka",
                                "payreports.sinks.tls.bootstrap-servers = kafka-1:9093",
                                "payreports.sinks.tls.security-protocol = TLS",
                                "payreports.sinks.msk.type = kafka",
                                "payreports.sinks.msk.bootstrap-servers = kafka-1:9096",
                                "payreports.sinks.msk.security-protocol = SASL_SSL",
                                "payreports.sinks.msk.sasl-mechanism = SCRAM-SHA-512")
                        + "\n");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("routes", "amazonpay-settlement.yaml"), routes.resolve("settlement.yaml"));
        Path declaration = Files.createDirectories(routes.resolve("sinks")).resolve("events.yaml");
        Files.writeString(
                declaration,
                Files.readString(Path.of("docs", "sinks", "events.yaml")).replace("SASL_SSL", "SASL_TLS"));

        List<String> problems = ConfigurationCheck.check(config, routes).problems().stream()
                .map(ConfigProblem::toString)
                .toList();

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith(config.toString())
                        .endsWith(": payreports.sinks.tls.security-protocol: sink tls: securityProtocol must be"
                                + " PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not 'TLS'"))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith(config.toString())
                        .endsWith(": payreports.sinks.msk.sasl-jaas-config: sink msk: saslJaasConfig is required"
                                + " with securityProtocol SASL_SSL"))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith(declaration.toString())
                        .endsWith(": sink events: securityProtocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL,"
                                + " not 'SASL_TLS'"));
    }

    /** Kafka checks the brokers' host names unless told otherwise, by an empty value. */
    @Test
    void anEmptyEndpointIdentificationAlgorithmIsKeptAsTheWayToTurnHostnameCheckingOff() throws Exception {
        Path config = Files.writeString(
                dir.resolve("tls.properties"),
                String.join(
                        "\n",
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.unchecked.type = kafka",
                        "payreports.sinks.unchecked.bootstrap-servers = kafka-1:9093",
                        "payreports.sinks.unchecked.security-protocol = SSL",
                        "payreports.sinks.unchecked.ssl-endpoint-identification-algorithm =",
                        "payreports.sinks.checked.type = kafka",
                        "payreports.sinks.checked.bootstrap-servers = kafka-1:9093",
                        "payreports.sinks.checked.security-protocol = SSL"));
        DefaultCamelContext context = new DefaultCamelContext();
        try (DataSources dataSources = new DataSources()) {
            ConfiguredSinks sinks = SinksOfProperties.build(context, config, dataSources);

            assertThat(sinks.parameters.get("unchecked")).containsEntry("sslEndpointIdentificationAlgorithm", "");
            assertThat(sinks.parameters.get("checked")).containsEntry("sslEndpointIdentificationAlgorithm", "https");
        } finally {
            context.stop();
        }
    }

    /** What the sink's probe, as the health check and {@code validate --connect} ask it, answers. */
    private String probe(String[] sinkProperties, String sink) throws Exception {
        Path config = Files.writeString(
                dir.resolve("probe.properties"),
                String.join(
                        "\n",
                        Stream.concat(
                                        Stream.of(
                                                "payreports.output-dir = " + dir.resolve("out"),
                                                "payreports.data-dir = " + dir.resolve("data"),
                                                "payreports.state.jdbc-url = jdbc:h2:file:"
                                                        + dir.resolve("data/state")),
                                        Stream.of(sinkProperties))
                                .toList()));
        DefaultCamelContext context = new DefaultCamelContext();
        try (DataSources dataSources = new DataSources()) {
            return SinksOfProperties.build(context, config, dataSources)
                    .remotes
                    .get(sink)
                    .reach();
        } finally {
            context.stop();
        }
    }

    private static List<String> sasl(String name, String bootstrapServers, String password) {
        String p = "payreports.sinks." + name + ".";
        return List.of(
                p + "type = kafka",
                p + "bootstrap-servers = " + bootstrapServers,
                p + "security-protocol = SASL_PLAINTEXT",
                p + "sasl-mechanism = PLAIN",
                p + "sasl-jaas-config = org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + USER + "\" password=\"" + password + "\";",
                p + "timeout = 5s",
                p + "retry.maximum-redeliveries = 0");
    }

    /** Every file the run wrote: records, dead letters, state. */
    private String writtenByTheRun() throws Exception {
        StringBuilder written = new StringBuilder();
        for (Path folder : List.of(dir.resolve("out"), dir.resolve("data"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    written.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return written.toString();
    }
}
