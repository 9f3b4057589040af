package io.payreports.config;

import io.payreports.mws.MwsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code payreports.mws.*} settings. Without an access key id, MWS jobs run against the built-in
 * MWS simulator (demo mode), as Amazon Pay jobs do without a public key id.
 */
public record MwsSettings(
        Optional<URI> endpoint,
        String region,
        String accessKeyId,
        String secretKey,
        String sellerId,
        Optional<String> authToken,
        Duration connectTimeout,
        Duration readTimeout) {

    public boolean demoMode() {
        return accessKeyId.isBlank();
    }

    public MwsConfig config() {
        return new MwsConfig(
                endpoint.orElse(MwsConfig.endpointOf(region)),
                accessKeyId,
                secretKey,
                sellerId,
                authToken,
                connectTimeout,
                readTimeout);
    }

    /** Never prints the secret key or the auth token. */
    @Override
    public String toString() {
        return "MwsSettings[endpoint=" + endpoint.orElse(MwsConfig.endpointOf(region)) + ", accessKeyId=" + accessKeyId
                + ", sellerId=" + sellerId + "]";
    }

    static MwsSettings read(Function<String, String> lookup, PayreportsSettings.KeyLocator locator) {
        PayreportsSettings.Reader r = new PayreportsSettings.Reader(lookup, locator);
        String accessKeyId = r.text("payreports.mws.access-key-id", "");
        String secretKey = r.text("payreports.mws.secret-key", "");
        String sellerId = r.text("payreports.mws.seller-id", "");
        if (!accessKeyId.isBlank()) {
            if (secretKey.isBlank()) {
                r.problem(
                        "payreports.mws.secret-key",
                        "required when payreports.mws.access-key-id is set (PAYREPORTS_MWS_SECRET_KEY)");
            }
            if (sellerId.isBlank()) {
                r.problem(
                        "payreports.mws.seller-id",
                        "required when payreports.mws.access-key-id is set (PAYREPORTS_MWS_SELLER_ID)");
            }
        }
        MwsSettings settings = new MwsSettings(
                r.optionalText("payreports.mws.endpoint").map(value -> r.uri("payreports.mws.endpoint", value)),
                r.oneOf("payreports.mws.region", "na", "na", "eu", "jp", "us", "de", "uk"),
                accessKeyId,
                secretKey,
                sellerId,
                r.optionalText("payreports.mws.auth-token"),
                r.duration("payreports.amazonpay.connect-timeout", Duration.ofSeconds(10)),
                r.duration("payreports.amazonpay.read-timeout", Duration.ofSeconds(60)));
        r.throwIfAny();
        return settings;
    }
}
