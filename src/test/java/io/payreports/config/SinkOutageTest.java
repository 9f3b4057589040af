package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.payreports.cli.PayreportsCommand;
import io.payreports.jobs.JobRun;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.sinks.TestDatabases.PostgresSchema;
import io.payreports.sinks.servers.KafkaBroker;
import io.payreports.sinks.servers.S3Server;
import io.payreports.sinks.servers.SftpServer;
import io.payreports.sinks.servers.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sink's server is down when the report is delivered. Back within the sink's retries: every
 * record arrives once. Down for good: every record is in the sink's dead letters with the cause,
 * the run fails, the job's other sink is unaffected, and nothing is lost.
 */
class SinkOutageTest {

    private static final int N = SinkDeliveryHarness.RECORDS;

    @TempDir
    Path dir;

    /** A sink on a real server the test can stop and start again. */
    interface Server extends AutoCloseable {
        List<String> properties() throws Exception;

        void stop() throws Exception;

        void start() throws Exception;

        /** Records the server holds now, counted one by one (a duplicate counts twice). */
        long records() throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "sftp", "s3", "kafka"})
    void aSinkBackWithinItsRetriesGetsEveryRecordExactlyOnce(String sink) throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor();
        try (Server server = server(sink);
                AmazonPaySimulator simulator = harness.simulator()) {
            server.stop();
            restarter.schedule(
                    () -> {
                        server.start();
                        return null;
                    },
                    1500,
                    TimeUnit.MILLISECONDS);
            JobRun run = harness.runOnce(simulator, "file," + sink, withRetries(server, sink, 8, 400));

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.deliveredBySink()).containsEntry(sink, (long) N).containsEntry("file", (long) N);
            assertThat(harness.sinkDeadLetters(sink)).isEmpty();
            assertThat(server.records()).isEqualTo(N);
        } finally {
            restarter.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "sftp", "s3", "kafka"})
    void aSinkDownForGoodDeadLettersEveryRecordWithItsCause(String sink) throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        try (Server server = server(sink);
                AmazonPaySimulator simulator = harness.simulator()) {
            server.stop();
            JobRun run = harness.runOnce(simulator, "file," + sink, withRetries(server, sink, 2, 50));

            assertThat(run.succeeded())
                    .as("the job fails, so run --once exits 1")
                    .isFalse();
            assertThat(run.summaryLine()).contains(sink + "=0 (dead-lettered " + N + ")");
            assertThat(run.deliveredBySink()).containsEntry("file", (long) N);
            assertThat(run.deadLetteredBySink()).containsEntry(sink, (long) N);
            List<JsonNode> letters = harness.sinkDeadLetters(sink);
            assertThat(letters).as("delivered + dead-lettered = every record").hasSize(N);
            assertThat(letters.stream()
                            .map(letter -> letter.get("lineNumber").asLong())
                            .distinct())
                    .hasSize(N);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.get("sink").asText()).isEqualTo(sink);
                assertThat(letter.get("reason").asText())
                        .isNotBlank()
                        .doesNotContain(SftpServer.PASSWORD, S3Server.SECRET_KEY);
                assertThat(letter.get("record").get("reportId").asText()).isEqualTo(SinkDeliveryHarness.REPORT_ID);
            });
            server.start();
            assertThat(server.records()).isZero();

            // the runbook: the sink is back, replay what it parked
            List<Path> parked;
            try (var files = Files.list(dir.resolve("out/dead-letter/amazonpay-settlement"))) {
                parked = files.filter(file -> file.toString().endsWith("_" + sink + ".jsonl"))
                        .toList();
            }
            List<String> replay = new ArrayList<>(List.of(
                    "replay", "--config", dir.resolve("application.properties").toString()));
            parked.forEach(file -> replay.add(file.toString()));
            assertThat(PayreportsCommand.execute(replay.toArray(String[]::new))).isZero();
            assertThat(server.records())
                    .as("every parked record delivered by the replay")
                    .isEqualTo(N);
            assertThat(parked)
                    .allSatisfy(file -> assertThat(file.resolveSibling(file.getFileName() + ".replayed"))
                            .exists());
        }
    }

    private static String[] withRetries(Server server, String sink, int redeliveries, int delayMs) throws Exception {
        List<String> properties = new ArrayList<>(server.properties());
        properties.add("payreports.sinks." + sink + ".retry.maximum-redeliveries = " + redeliveries);
        properties.add("payreports.sinks." + sink + ".retry.redelivery-delay = " + delayMs);
        properties.add("payreports.sinks." + sink + ".retry.backoff-multiplier = 1.5");
        properties.add("payreports.sinks." + sink + ".timeout = 1500ms");
        return properties.toArray(String[]::new);
    }

    private Server server(String sink) throws Exception {
        return switch (sink) {
            case "postgres" -> postgres();
            case "kafka" -> kafka();
            case "sftp" -> sftp();
            default -> s3();
        };
    }

    private Server postgres() throws Exception {
        PostgresSchema schema = new PostgresSchema();
        TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
        return new Server() {
            public List<String> properties() {
                return List.of(
                        "payreports.sinks.postgres.type = jdbc",
                        "payreports.sinks.postgres.url = jdbc:postgresql://127.0.0.1:" + proxy.port()
                                + "/test?user=postgres&connectTimeout=2",
                        "payreports.sinks.postgres.schema = " + schema.name());
            }

            public void stop() throws Exception {
                proxy.stop();
            }

            public void start() throws Exception {
                proxy.start();
            }

            public long records() throws Exception {
                try (var connection = schema.dataSource().getConnection();
                        var statement = connection.createStatement();
                        var tables =
                                connection.getMetaData().getTables(null, schema.name(), "amazonpay_settlement", null)) {
                    if (!tables.next()) {
                        return 0;
                    }
                    try (var count = statement.executeQuery("SELECT count(*) FROM amazonpay_settlement")) {
                        count.next();
                        return count.getLong(1);
                    }
                }
            }

            public void close() throws Exception {
                proxy.close();
                schema.close();
            }
        };
    }

    private Server kafka() throws Exception {
        KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"));
        return new Server() {
            public List<String> properties() {
                return List.of(
                        "payreports.sinks.kafka.type = kafka",
                        "payreports.sinks.kafka.bootstrap-servers = " + broker.bootstrapServers());
            }

            public void stop() {
                broker.stop();
            }

            public void start() {
                broker.start();
            }

            public long records() {
                return AllSinksEndToEndTest.consumeAll(broker.bootstrapServers(), "payreports.amazonpay_settlement", N)
                        .size();
            }

            public void close() {
                broker.close();
            }
        };
    }

    private Server sftp() throws Exception {
        SftpServer sftp = SftpServer.start(dir.resolve("sftp"));
        Path knownHosts = sftp.knownHosts(dir.resolve("known_hosts"));
        return new Server() {
            public List<String> properties() {
                return List.of(
                        "payreports.sinks.sftp.type = sftp",
                        "payreports.sinks.sftp.host = 127.0.0.1",
                        "payreports.sinks.sftp.port = " + sftp.port(),
                        "payreports.sinks.sftp.username = " + SftpServer.USER,
                        "payreports.sinks.sftp.password = " + SftpServer.PASSWORD,
                        "payreports.sinks.sftp.known-hosts-file = " + knownHosts,
                        "payreports.sinks.sftp.path = {reportId}.jsonl");
            }

            public void stop() throws Exception {
                sftp.stop();
            }

            public void start() throws Exception {
                sftp.start();
            }

            public long records() throws Exception {
                long lines = 0;
                try (Stream<Path> files = Files.walk(sftp.root())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        lines +=
                                Files.readAllLines(file, StandardCharsets.UTF_8).size();
                    }
                }
                return lines;
            }

            public void close() throws Exception {
                sftp.close();
            }
        };
    }

    private Server s3() throws Exception {
        S3Server s3 = S3Server.start("outage-bucket");
        return new Server() {
            public List<String> properties() {
                return List.of(
                        "payreports.sinks.s3.type = s3",
                        "payreports.sinks.s3.bucket = outage-bucket",
                        "payreports.sinks.s3.endpoint = " + s3.endpoint(),
                        "payreports.sinks.s3.path-style = true",
                        "payreports.sinks.s3.access-key = " + S3Server.ACCESS_KEY,
                        "payreports.sinks.s3.secret-key = " + S3Server.SECRET_KEY);
            }

            public void stop() throws Exception {
                s3.stop();
            }

            public void start() throws Exception {
                s3.start();
            }

            public long records() throws Exception {
                long lines = 0;
                for (StorageMetadata object : s3.blobStore()
                        .list(
                                "outage-bucket",
                                org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive())) {
                    if (object.getType() == org.jclouds.blobstore.domain.StorageType.BLOB) {
                        try (var in = s3.blobStore()
                                .getBlob("outage-bucket", object.getName())
                                .getPayload()
                                .openStream()) {
                            lines += new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                    .lines()
                                    .count();
                        }
                    }
                }
                return lines;
            }

            public void close() throws Exception {
                s3.close();
            }
        };
    }
}
