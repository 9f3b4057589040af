package io.payreports.jobs;

import io.micrometer.core.instrument.Metrics;

/**
 * {@code payreports_api_calls_total{api,operation,status}}: every call to Amazon, counted where the
 * answer arrives. Through Micrometer's global registry, which the runtime joins to the Prometheus one,
 * so that clients stay usable without a runtime (the {@code api} command, tests).
 */
public final class ApiCalls {

    private ApiCalls() {}

    public static void count(String api, String operation, int status) {
        Metrics.counter("payreports.api.calls", "api", api, "operation", operation, "status", Integer.toString(status))
                .increment();
    }
}
