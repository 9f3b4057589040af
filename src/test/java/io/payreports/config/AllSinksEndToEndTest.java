package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.payreports.jobs.JobRun;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.sinks.TestDatabases.PostgresSchema;
import io.payreports.sinks.servers.KafkaBroker;
import io.payreports.sinks.servers.S3Server;
import io.payreports.sinks.servers.SftpServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One settlement report delivered to all five kinds of sink at once, each on a real server. */
class AllSinksEndToEndTest {

    private static final String BUCKET = "finance-reports";

    /** The default target {@code {reportType}/{yyyy}/{MM}/{reportId}.EXT}. */
    private static String dated(String extension) {
        return java.util.regex.Pattern.quote(SinkDeliveryHarness.REPORT_TYPE) + "/\\d{4}/\\d{2}/"
                + SinkDeliveryHarness.REPORT_ID + java.util.regex.Pattern.quote(extension);
    }

    @TempDir
    Path dir;

    @Test
    void everySinkGetsEveryRecordAndTheSameSumsPerCurrency() throws Exception {
        SinkDeliveryHarness harness = new SinkDeliveryHarness(dir);
        try (PostgresSchema postgres = new PostgresSchema();
                SftpServer sftp = SftpServer.start(dir.resolve("sftp"));
                S3Server s3 = S3Server.start(BUCKET);
                KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
                AmazonPaySimulator simulator = harness.simulator()) {
            JobRun run = harness.runOnce(
                    simulator,
                    "file,postgres,sftp,s3,kafka",
                    "payreports.sinks.file.gzip = true",
                    "payreports.sinks.postgres.type = jdbc",
                    "payreports.sinks.postgres.url = jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                    "payreports.sinks.postgres.schema = " + postgres.name(),
                    "payreports.sinks.sftp.type = sftp",
                    "payreports.sinks.sftp.host = 127.0.0.1",
                    "payreports.sinks.sftp.port = " + sftp.port(),
                    "payreports.sinks.sftp.username = " + SftpServer.USER,
                    "payreports.sinks.sftp.password = " + SftpServer.PASSWORD,
                    "payreports.sinks.sftp.known-hosts-file = " + sftp.knownHosts(dir.resolve("known_hosts")),
                    "payreports.sinks.sftp.directory = upload",
                    "payreports.sinks.s3.type = s3",
                    "payreports.sinks.s3.bucket = " + BUCKET,
                    "payreports.sinks.s3.endpoint = " + s3.endpoint(),
                    "payreports.sinks.s3.path-style = true",
                    "payreports.sinks.s3.access-key = " + S3Server.ACCESS_KEY,
                    "payreports.sinks.s3.secret-key = " + S3Server.SECRET_KEY,
                    "payreports.sinks.kafka.type = kafka",
                    "payreports.sinks.kafka.bootstrap-servers = " + kafka.bootstrapServers());

            int n = SinkDeliveryHarness.RECORDS;
            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.deliveredBySink())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "file", (long) n, "postgres", (long) n, "sftp", (long) n, "s3", (long) n, "kafka", (long)
                                    n));
            Map<String, BigDecimal> expected = harness.expectedSums;

            Path jsonl = dir.resolve("out/amazonpay_settlement/" + SinkDeliveryHarness.REPORT_ID + ".jsonl.gz");
            try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(jsonl))) {
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                assertThat(lines).hasSize(n);
                assertSums(SinkDeliveryHarness.sumsOfJsonLines(lines.stream()), expected);
            }

            assertSums(postgresSums(postgres, n), expected);

            // {reportType}/{yyyy}/{MM}/: the month of the report's data period, which follows the suite's calendar
            List<Path> uploads;
            try (Stream<Path> files = Files.walk(sftp.root().resolve("upload"))) {
                uploads = files.filter(Files::isRegularFile).toList();
            }
            assertThat(uploads).hasSize(1);
            Path csv = uploads.get(0);
            assertThat(sftp.root().resolve("upload").relativize(csv).toString()).matches(dated(".csv"));
            assertSums(csvSums(csv, n), expected);

            List<String> keys = s3.blobStore().list(BUCKET, ListContainerOptions.Builder.recursive()).stream()
                    .filter(object -> object.getType() == StorageType.BLOB)
                    .map(StorageMetadata::getName)
                    .toList();
            assertThat(keys).hasSize(1);
            String key = keys.get(0);
            assertThat(key).matches(dated(".jsonl"));
            Blob object = s3.blobStore().getBlob(BUCKET, key);
            assertThat(object).isNotNull();
            try (InputStream in = object.getPayload().openStream()) {
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                assertThat(lines).hasSize(n);
                assertSums(SinkDeliveryHarness.sumsOfJsonLines(lines.stream()), expected);
            }

            List<ConsumerRecord<String, String>> messages =
                    consumeAll(kafka.bootstrapServers(), "payreports.amazonpay_settlement", n);
            assertThat(messages).hasSize(n);
            assertThat(messages.stream().map(ConsumerRecord::key).distinct())
                    .hasSize(n)
                    .contains(SinkDeliveryHarness.REPORT_ID + "|5");
            assertThat(new String(
                            messages.get(0)
                                    .headers()
                                    .lastHeader("payreports-report-id")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo(SinkDeliveryHarness.REPORT_ID);
            assertSums(SinkDeliveryHarness.sumsOfJsonLines(messages.stream().map(ConsumerRecord::value)), expected);
        }
    }

    private static void assertSums(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(actual).containsOnlyKeys(expected.keySet());
        expected.forEach(
                (currency, sum) -> assertThat(actual.get(currency)).as(currency).isEqualByComparingTo(sum));
    }

    static Map<String, BigDecimal> postgresSums(PostgresSchema postgres, int expectedRows) throws Exception {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM amazonpay_settlement")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(expectedRows);
            }
            try (ResultSet types = statement.executeQuery(
                    "SELECT data_type FROM information_schema.columns WHERE table_schema = '" + postgres.name()
                            + "' AND column_name IN ('net_transaction_amount', 'transaction_posted_date') ORDER BY column_name")) {
                List<String> columnTypes = new ArrayList<>();
                while (types.next()) {
                    columnTypes.add(types.getString(1));
                }
                assertThat(columnTypes).containsExactly("numeric", "timestamp with time zone");
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT currency_code, SUM(net_transaction_amount) FROM amazonpay_settlement GROUP BY currency_code")) {
                while (rows.next()) {
                    sums.put(rows.getString(1), rows.getBigDecimal(2));
                }
            }
        }
        return sums;
    }

    static Map<String, BigDecimal> csvSums(Path csv, int expectedRows) throws Exception {
        Map<String, BigDecimal> sums = new TreeMap<>();
        int rows = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord record : reader) {
                sums.merge(
                        record.getField("currencyCode"),
                        new BigDecimal(record.getField("netTransactionAmount")),
                        BigDecimal::add);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(expectedRows);
        return sums;
    }

    static List<ConsumerRecord<String, String>> consumeAll(String bootstrapServers, String topic, int atLeast) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", "payreports-test-" + System.nanoTime());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int emptyPollsAfterEnough = 0;
            while (System.nanoTime() < deadline && emptyPollsAfterEnough < 2) {
                var polled = consumer.poll(Duration.ofMillis(500));
                polled.forEach(records::add);
                if (records.size() >= atLeast && polled.isEmpty()) {
                    emptyPollsAfterEnough++;
                }
            }
        }
        return records;
    }

    static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.add(record.key()));
        return keys;
    }
}
