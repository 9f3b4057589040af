package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.payreports.reports.AccountedLayout;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.RecordLayout.Column;
import io.payreports.reports.ReportContext;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One Kafka message per record: keyed by the record's natural key (so a compacted topic keeps one message
 * per record, and a redelivered report lands on the same partitions in the same order), the record as a
 * JSON object for value (money as exact strings, times ISO-8601 UTC), and the report's id and type and the
 * account as headers. Each report is one Kafka transaction of an idempotent producer with {@code acks=all}:
 * a report retried after an outage never shows its first, aborted attempt to {@code read_committed} consumers, so
 * they see every record exactly once. Camel's kafka endpoint sends per exchange and cannot hold a
 * transaction open across the batches of a streamed report, hence the plain producer here.
 */
public final class KafkaRecordsSink implements RecordSink, Reachable {

    public static final String REPORT_ID_HEADER = "payreports-report-id";
    public static final String REPORT_TYPE_HEADER = "payreports-report-type";
    public static final String ACCOUNT_HEADER = "payreports-account";
    /** No separator between root values: one generator writes every value of a report, taken one at a time. */
    private static final JsonFactory JSON =
            new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final String name;
    private final Map<String, Object> producerConfig;
    private final String topicPattern;
    private final Duration timeout;
    private final KafkaSecurity security;

    /**
     * @param bootstrapServers the brokers
     * @param topicPattern     topic name; {@code {layout}} stands for the records' layout, e.g. {@code amazonpay_settlement}
     * @param timeout          how long a send may wait for brokers that are down before the sink's retries take over
     * @param security         TLS and SASL of the producers and of the health probe
     */
    public KafkaRecordsSink(
            String name, String bootstrapServers, String topicPattern, Duration timeout, KafkaSecurity security) {
        this.name = name;
        this.topicPattern = topicPattern;
        this.timeout = timeout;
        this.security = security;
        long millis = Math.max(1000, timeout.toMillis());
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, millis / 2));
        // Kafka wants delivery.timeout.ms >= request.timeout.ms + linger.ms
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis + 5);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.max(60_000, 4 * millis));
        config.putAll(security.clientProperties());
        this.producerConfig = Map.copyOf(config);
    }

    @Override
    public String name() {
        return name;
    }

    /** The cluster's id and brokers, asked with an admin client on the producer's servers and timeout. */
    @Override
    public String reach() throws Exception {
        long wait = Math.max(1000, timeout.toMillis());
        Map<String, Object> config = new HashMap<>();
        config.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                producerConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, timeout.toMillis() / 2));
        config.putAll(security.clientProperties());
        try (Admin admin = Admin.create(config)) {
            DescribeClusterResult cluster = admin.describeCluster();
            return "Kafka cluster " + cluster.clusterId().get(wait, TimeUnit.MILLISECONDS) + " with "
                    + cluster.nodes().get(wait, TimeUnit.MILLISECONDS).size() + " broker(s)";
        } catch (ExecutionException e) {
            throw security.redacted(e.getCause() instanceof Exception cause ? cause : e);
        } catch (KafkaException e) { // an admin client that cannot be made, e.g. of a JAAS config it cannot parse
            throw security.redacted(e);
        } catch (TimeoutException e) { // the future's own, which says nothing
            throw new TimeoutException("no broker of " + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " answered within " + wait + " ms");
        }
    }

    @Override
    public <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) throws Exception {
        return open(report, layout, topicPattern, Map.of());
    }

    /** Messages to {@code topic} with {@code extraHeaders} on each, e.g. a dead-letter topic's causes. */
    <T> ReportWriter<T> open(
            ReportContext report, RecordLayout<T> layout, String topic, Map<String, String> extraHeaders)
            throws Exception {
        return new Writer<>(topic.replace("{layout}", layout.name()), report, layout, extraHeaders);
    }

    private final class Writer<T> implements ReportWriter<T> {

        private final String topic;
        private final ReportContext report;
        private final RecordLayout<T> layout;
        private final Map<String, byte[]> headers = new HashMap<>();
        private final int[] keyColumns;
        private final KafkaProducer<String, String> producer;
        /** The producer's own metrics in the runtime's registry while the report is written. */
        private final KafkaClientMetrics metrics;

        private final CharArrayWriter value = new CharArrayWriter(512);
        private final JsonGenerator json;
        private final JsonRecordWriter records;
        /** The first send that failed; the transaction cannot commit after it. */
        private final AtomicReference<Exception> failed = new AtomicReference<>();

        private boolean committed;
        private long count;

        Writer(String topic, ReportContext report, RecordLayout<T> layout, Map<String, String> extraHeaders)
                throws Exception {
            this.topic = topic;
            this.report = report;
            this.layout = layout;
            headers.put(REPORT_ID_HEADER, report.reportId().getBytes(StandardCharsets.UTF_8));
            headers.put(REPORT_TYPE_HEADER, report.reportType().getBytes(StandardCharsets.UTF_8));
            headers.put(ACCOUNT_HEADER, report.account().getBytes(StandardCharsets.UTF_8));
            extraHeaders.forEach((key, value) -> headers.put(key, value.getBytes(StandardCharsets.UTF_8)));
            List<String> columnNames =
                    layout.columns().stream().map(Column::name).toList();
            // the default account's keys stay as they were before accounts existed, so a compacted topic still
            // replaces its records; another account's keys start with its name
            boolean keyedByAccount = !ReportContext.isDefault(report.account());
            this.keyColumns = layout.naturalKey().stream()
                    .filter(column -> keyedByAccount || !column.equals(AccountedLayout.ACCOUNT.name()))
                    .mapToInt(columnNames::indexOf)
                    .toArray();
            this.records = new JsonRecordWriter(layout.columns());
            try {
                this.json = JSON.createGenerator(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a generator over a CharArrayWriter does not fail
            }
            Map<String, Object> config = new HashMap<>(producerConfig);
            // one transaction per report, each its own producer: reports of several jobs may flow at once
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "payreports-" + name + "-" + UUID.randomUUID());
            // the producer's series (kafka_producer_*) keep one client.id per sink from report to report
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "payreports-" + name);
            this.producer = newProducer(config);
            this.metrics = new KafkaClientMetrics(producer);
            try {
                metrics.bindTo(Metrics.globalRegistry);
                producer.initTransactions();
                producer.beginTransaction();
            } catch (RuntimeException e) { // e.g. the brokers refuse the SASL login
                metrics.close();
                producer.close(Duration.ZERO);
                throw security.redacted(e);
            }
        }

        private KafkaProducer<String, String> newProducer(Map<String, Object> config) throws Exception {
            try {
                return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
            } catch (KafkaException e) { // e.g. a JAAS config it cannot parse, or a trust store it cannot read
                throw security.redacted(e);
            }
        }

        @Override
        public void write(T record) throws Exception {
            throwIfFailed();
            Object[] values = layout.values(record);
            ProducerRecord<String, String> message = new ProducerRecord<>(topic, key(values), json(values));
            headers.forEach((key, value) -> message.headers().add(key, value));
            producer.send(message, (metadata, error) -> {
                if (error != null) {
                    failed.compareAndSet(null, error);
                }
            });
            count++;
        }

        /**
         * The natural key's values joined by {@code |}: {@code <reportId>|<lineNumber>} for the default account's
         * report records, {@code <account>|<reportId>|<lineNumber>} for another account's.
         */
        private String key(Object[] values) {
            StringBuilder key = new StringBuilder(48);
            for (int i = 0; i < keyColumns.length; i++) {
                key.append(i == 0 ? "" : "|").append(values[keyColumns[i]]);
            }
            return key.toString();
        }

        private String json(Object[] values) throws IOException {
            records.write(json, values);
            json.flush();
            String text = value.toString();
            value.reset();
            return text;
        }

        /** Waits until the brokers acknowledged every message, then makes the report visible at once. */
        @Override
        public void commit() throws Exception {
            producer.flush();
            throwIfFailed();
            producer.commitTransaction();
            committed = true;
        }

        private void throwIfFailed() throws Exception {
            Exception error = failed.get();
            if (error != null) {
                Exception shown = security.redacted(error);
                throw new IOException(
                        "Kafka sink " + name + ": report " + report.reportId() + " not taken by topic " + topic + ": "
                                + shown.getMessage(),
                        shown);
            }
        }

        @Override
        public long count() {
            return count;
        }

        /** Without a commit the transaction is aborted: read_committed consumers never see these records. */
        @Override
        public void close() {
            try {
                if (!committed) {
                    producer.abortTransaction();
                }
            } catch (RuntimeException brokersGone) {
                // an aborted or timed-out transaction stays invisible either way
            } finally {
                metrics.close();
                producer.close(timeout);
            }
        }
    }
}
