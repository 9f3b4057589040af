package io.payreports.spapi;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where and as whom SP-API is called.
 *
 * @param endpoint         the SP-API base URL (the region's, or an override such as the simulator)
 * @param lwaEndpoint      the LWA token URL
 * @param usagePlans       usage plans that differ from the models' defaults (a seller granted more), by operation
 */
public record SpApiConfig(
        URI endpoint,
        URI lwaEndpoint,
        LwaCredentials credentials,
        Duration connectTimeout,
        Duration readTimeout,
        Map<SpApiOperation, UsagePlan> usagePlans) {

    public SpApiConfig {
        usagePlans = Map.copyOf(usagePlans);
    }

    /** With the models' default usage plans. */
    public SpApiConfig(
            URI endpoint, URI lwaEndpoint, LwaCredentials credentials, Duration connectTimeout, Duration readTimeout) {
        this(endpoint, lwaEndpoint, credentials, connectTimeout, readTimeout, Map.of());
    }

    public SpApiConfig withUsagePlan(SpApiOperation operation, UsagePlan plan) {
        Map<SpApiOperation, UsagePlan> plans = new EnumMap<>(SpApiOperation.class);
        plans.putAll(usagePlans);
        plans.put(operation, plan);
        return new SpApiConfig(endpoint, lwaEndpoint, credentials, connectTimeout, readTimeout, plans);
    }

    public UsagePlan usagePlan(SpApiOperation operation) {
        return usagePlans.getOrDefault(operation, operation.usagePlan());
    }
}
