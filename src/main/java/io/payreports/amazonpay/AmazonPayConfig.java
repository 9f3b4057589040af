package io.payreports.amazonpay;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and as whom to call Amazon Pay. The endpoint comes from the region unless overridden
 * (simulator, proxy). The environment is a path segment ({@code /live/v2} or {@code /sandbox/v2}),
 * unless the public key id names it ({@code LIVE-…}, {@code SANDBOX-…}): then the path is just
 * {@code /v2}, as the official SDK builds it ({@code com.amazon.pay.api.Util#getServiceURI}).
 * {@code documents} null means {@link DocumentPolicy#DEFAULT}.
 */
public record AmazonPayConfig(
        URI endpoint,
        String region,
        String environment,
        String publicKeyId,
        Duration connectTimeout,
        Duration readTimeout,
        DocumentPolicy documents) {

    public AmazonPayConfig {
        documents = documents == null ? DocumentPolicy.DEFAULT : documents;
        if (endpoint != null && endpoint.getHost() != null && DocumentHosts.isLoopback(endpoint.getHost())) {
            // a loopback endpoint is the simulator (demo mode, tests), which hands out document
            // URLs on 127.0.0.1 whichever loopback name the endpoint uses
            documents = documents.withHosts(documents.hosts().plus(endpoint.getHost(), "127.0.0.1", "localhost"));
        }
        region = normalizeRegion(region);
        environment = environment == null || environment.isBlank()
                ? "live"
                : environment.trim().toLowerCase(Locale.ROOT);
        if (!environment.equals("live") && !environment.equals("sandbox")) {
            throw new IllegalArgumentException("environment must be live or sandbox, not '" + environment + "'");
        }
        if (endpoint == null) {
            endpoint = regionalEndpoint(region);
        }
    }

    /** Amazon Pay's regional API hosts (as used by the official SDKs). */
    public static URI regionalEndpoint(String region) {
        return switch (normalizeRegion(region)) {
            case "eu" -> URI.create("https://pay-api.amazon.eu");
            case "jp" -> URI.create("https://pay-api.amazon.jp");
            default -> URI.create("https://pay-api.amazon.com");
        };
    }

    /** The SDKs accept country aliases for regions; Amazon only knows na, eu and jp. */
    static String normalizeRegion(String region) {
        String value = region == null || region.isBlank() ? "na" : region.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "na", "us" -> "na";
            case "eu", "de", "uk", "gb" -> "eu";
            case "jp" -> "jp";
            default -> throw new IllegalArgumentException("region must be na, eu or jp, not '" + region + "'");
        };
    }

    /** Base of every API path, e.g. {@code https://pay-api.amazon.com/live/v2}, or {@code …/v2} for an environment-specific key. */
    public String apiBase() {
        String base = endpoint.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (keyNamesEnvironment() ? "" : "/" + environment) + "/v2";
    }

    /** The SDK's test, letter for letter: the key id starts with LIVE or SANDBOX, in any case. */
    private boolean keyNamesEnvironment() {
        String key = publicKeyId == null ? "" : publicKeyId.toUpperCase(Locale.ROOT);
        return key.startsWith("LIVE") || key.startsWith("SANDBOX");
    }
}
