package io.payreports.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.List;

/**
 * {@code payreports_api_calls_total{api,operation,status}}: every call to Amazon, counted where the
 * answer arrives, and {@code payreports_api_errors_total{api}}: the error answers among them. Through Micrometer's global registry, which the runtime joins to the Prometheus one,
 * so that clients stay usable without a runtime (the {@code api} command, tests).
 */
public final class ApiCalls {

    private ApiCalls() {}

    /** The APIs payreports calls, as the {@code api} label names them. */
    private static final List<String> APIS = List.of("amazonpay", "mws", "spapi", "lwa");

    public static void count(String api, String operation, int status) {
        Metrics.counter("payreports.api.calls", "api", api, "operation", operation, "status", Integer.toString(status))
                .increment();
        if (status >= 400) {
            errors(api).increment();
        }
    }

    /**
     * {@code payreports_api_errors_total{api}} at 0 for every API, so an alert on error answers has its series
     * from the start; which operation and status failed is in {@code payreports_api_calls_total}.
     */
    public static void registerErrorCounters() {
        APIS.forEach(ApiCalls::errors);
    }

    private static Counter errors(String api) {
        return Counter.builder("payreports.api.errors")
                .description("answers with HTTP status 4xx or 5xx")
                .tag("api", api)
                .register(Metrics.globalRegistry);
    }
}
