package io.payreports.jobs;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per configured sink, {@code direct:payreports-sink-<name>}, with the sink's own
 * redelivery policy and a dead-letter channel that parks the report's records for that sink alone:
 * a sink that is down neither holds back the others nor fails the report.
 */
public final class SinkRoutes extends RouteBuilder {

    /** The redelivery policy of one sink; exponential backoff between attempts. */
    public record Retry(
            int maximumRedeliveries, long redeliveryDelayMs, double backOffMultiplier, long maximumRedeliveryDelayMs) {}

    /** Exchange property: the sink whose route the exchange is in, for the retry log line ({@link JobRuns}). */
    static final String SINK = "payreportsSink";

    private final Map<String, Retry> retries;

    public SinkRoutes(Map<String, Retry> retries) {
        this.retries = Map.copyOf(retries);
    }

    @Override
    public void configure() {
        retries.forEach((sink, retry) -> from("direct:payreports-sink-" + sink)
                .routeId("payreports-sink-" + sink)
                .errorHandler(deadLetterChannel("direct:payreports-sink-dead-letter")
                        // records that cannot even be parked fail the report, which stays undelivered
                        .deadLetterHandleNewException(false)
                        .maximumRedeliveries(retry.maximumRedeliveries())
                        .redeliveryDelay(retry.redeliveryDelayMs())
                        .useExponentialBackOff()
                        .backOffMultiplier(retry.backOffMultiplier())
                        .maximumRedeliveryDelay(retry.maximumRedeliveryDelayMs())
                        // JobRuns logs each retry naming job, report and sink
                        .logRetryAttempted(false)
                        .logStackTrace(false)
                        .logExhausted(false))
                .setProperty(SINK, constant(sink))
                .bean("reportDeliveries", "publish(${exchange}, '" + sink + "')"));
    }
}
