package io.payreports.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.RecordLayout.Column;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * One Kafka message per record through Camel's kafka component: keyed by the record's natural key
 * (so a compacted topic keeps one message per record, and a redelivered report lands on the same
 * partitions in the same order), the record as a JSON object for value (money as exact strings,
 * times ISO-8601 UTC), and the report's id and type as headers. The endpoint's producer is
 * idempotent with {@code acks=all}. Messages go in batches that Camel sends together and waits for.
 */
public final class KafkaRecordsSink implements RecordSink {

    public static final String REPORT_ID_HEADER = "payreports-report-id";
    public static final String REPORT_TYPE_HEADER = "payreports-report-type";
    private static final JsonFactory JSON = new JsonFactory();
    private static final int BATCH = 500;

    private final String name;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final String endpointOptions;
    private final String topicPattern;

    /**
     * @param endpointOptions the kafka endpoint's query, e.g. {@code brokers=...&requestRequiredAcks=all}
     * @param topicPattern    topic name; {@code {layout}} stands for the records' layout, e.g. {@code amazonpay_settlement}
     */
    public KafkaRecordsSink(String name, CamelContext context, ProducerTemplate template, String endpointOptions, String topicPattern) {
        this.name = name;
        this.context = context;
        this.template = template;
        this.endpointOptions = endpointOptions;
        this.topicPattern = topicPattern;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) {
        return open(report, layout, topicPattern, Map.of());
    }

    /** Messages to {@code topic} with {@code extraHeaders} on each, e.g. a dead-letter topic's causes. */
    <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout, String topic, Map<String, String> extraHeaders) {
        String uri = "kafka:" + topic.replace("{layout}", layout.name()) + "?" + endpointOptions;
        return new Writer<>(uri, report, layout, extraHeaders);
    }

    private final class Writer<T> implements ReportWriter<T> {

        private final String uri;
        private final ReportContext report;
        private final RecordLayout<T> layout;
        private final Map<String, String> extraHeaders;
        private final int[] keyColumns;
        private final List<Message> batch = new ArrayList<>(BATCH);
        private long count;

        Writer(String uri, ReportContext report, RecordLayout<T> layout, Map<String, String> extraHeaders) {
            this.uri = uri;
            this.report = report;
            this.layout = layout;
            this.extraHeaders = extraHeaders;
            List<String> columnNames = layout.columns().stream().map(Column::name).toList();
            this.keyColumns = layout.naturalKey().stream().mapToInt(columnNames::indexOf).toArray();
        }

        @Override
        public void write(T record) throws Exception {
            Object[] values = layout.values(record);
            Message message = new DefaultMessage(context);
            message.setHeader(KafkaConstants.KEY, key(values));
            message.setBody(json(values));
            batch.add(message);
            count++;
            if (batch.size() == BATCH) {
                send();
            }
        }

        /** The natural key's values joined by {@code |}: {@code <reportId>|<lineNumber>} for report records. */
        private String key(Object[] values) {
            return Arrays.stream(keyColumns).mapToObj(i -> String.valueOf(values[i])).collect(Collectors.joining("|"));
        }

        private String json(Object[] values) throws IOException {
            StringWriter text = new StringWriter(512);
            try (JsonGenerator json = JSON.createGenerator(text)) {
                JsonLinesEncoder.writeObject(json, layout.columns(), values);
            }
            return text.toString();
        }

        /** Sends the batch and waits until the brokers acknowledged every message of it. */
        private void send() throws Exception {
            if (batch.isEmpty()) {
                return;
            }
            // Camel gives every message of a batch the headers of the exchange: the report's, here
            Exchange sent = template.send(uri, exchange -> {
                exchange.getMessage().setHeader(REPORT_ID_HEADER, report.reportId());
                exchange.getMessage().setHeader(REPORT_TYPE_HEADER, report.reportType());
                extraHeaders.forEach(exchange.getMessage()::setHeader);
                exchange.getMessage().setBody(new ArrayList<>(batch));
            });
            batch.clear();
            if (sent.getException() != null) {
                throw sent.getException();
            }
        }

        @Override
        public void commit() throws Exception {
            send();
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public void close() {
            batch.clear();
        }
    }
}
