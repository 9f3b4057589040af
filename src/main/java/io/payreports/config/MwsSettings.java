package io.payreports.config;

import io.payreports.mws.MwsConfig;
import io.payreports.reports.ReportContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
        return read(lookup, locator, ReportContext.DEFAULT_ACCOUNT);
    }

    /** An account's MWS keys; the timeouts are those of every account's Amazon Pay and MWS calls. */
    static MwsSettings read(Function<String, String> lookup, PayreportsSettings.KeyLocator locator, String account) {
        PayreportsSettings.Reader r = new PayreportsSettings.Reader(lookup, AccountKeys.namingAccounts(locator));
        AccountKeys keys = AccountKeys.of(account, "mws", lookup);
        String accessKeyId = r.text(keys.key("access-key-id"), "");
        if (!accessKeyId.isBlank()) {
            for (String required : List.of("secret-key", "seller-id")) {
                if (r.text(keys.key(required), "").isBlank()) {
                    r.problem(
                            keys.key(required),
                            "required when " + keys.key("access-key-id") + " is set" + keys.variable(required));
                }
            }
        }
        MwsSettings settings = new MwsSettings(
                r.optionalText(keys.key("endpoint")).map(value -> r.uri(keys.key("endpoint"), value)),
                r.oneOf(keys.key("region"), "na", "na", "eu", "jp", "us", "de", "uk"),
                accessKeyId,
                r.text(keys.key("secret-key"), ""),
                r.text(keys.key("seller-id"), ""),
                r.optionalText(keys.key("auth-token")),
                r.duration("payreports.amazonpay.connect-timeout", Duration.ofSeconds(10)),
                r.duration("payreports.amazonpay.read-timeout", Duration.ofSeconds(60)));
        r.throwIfAny();
        return settings;
    }
}
