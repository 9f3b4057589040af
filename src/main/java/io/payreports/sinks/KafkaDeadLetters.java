package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks a sink's records on a Kafka dead-letter topic, each with the cause in headers. When that
 * topic cannot be reached either (the whole cluster is down, say), the records go to the fallback
 * (the dead-letter files) instead: they are never dropped.
 */
public final class KafkaDeadLetters implements RecordDeadLetters {

    public static final String SINK_HEADER = "payreports-sink";
    public static final String REASON_HEADER = "payreports-error";
    public static final String EXCEPTION_HEADER = "payreports-exception-class";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDeadLetters.class);

    private final KafkaRecordsSink kafka;
    private final String topic;
    private final RecordDeadLetters fallback;
    private final Clock clock;

    public KafkaDeadLetters(KafkaRecordsSink kafka, String topic, RecordDeadLetters fallback, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public long write(ReportContext report, RecordLayout<?> layout, RecordSpool spool, String sink, Throwable cause)
            throws Exception {
        DeadLetter letter = DeadLetter.of(report, null, cause, sink, null, clock.instant());
        Map<String, String> headers =
                Map.of(SINK_HEADER, sink, REASON_HEADER, letter.reason(), EXCEPTION_HEADER, letter.exceptionClass());
        try (ReportWriter<Object[]> writer = kafka.open(report, new SpooledLayout(layout), topic, headers);
                RecordSpool.Reader records = spool.read()) {
            for (Object[] record = records.next(); record != null; record = records.next()) {
                writer.write(record);
            }
            writer.commit();
            return writer.count();
        } catch (Exception e) {
            LOG.warn(
                    "sink {}: dead-letter topic {} failed too ({}); parking report {} in the dead-letter files",
                    sink,
                    topic,
                    e.toString(),
                    report.reportId());
            return fallback.write(report, layout, spool, sink, cause);
        }
    }
}
