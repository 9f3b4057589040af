package io.payreports.config;

import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.PayoutTarget;
import io.payreports.spapi.SpApiConfig;
import io.payreports.spapi.SpApiRegion;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The Selling Partner API settings (keys under {@code payreports.spapi.}). With no client id,
 * SP-API calls go to the built-in simulator (demo mode), as Amazon Pay's do without a key.
 *
 * @param lookback        how much before the watermark each Finances run reads again (late postings)
 * @param firstRunDays    how many days back a Finances job's first run starts
 * @param payoutTargets   the marketplace and account type pairs on-demand payouts are allowed for; empty = off
 */
public record SpApiSettings(
        SpApiRegion region,
        Optional<URI> endpoint,
        Optional<URI> lwaEndpoint,
        String clientId,
        String clientSecret,
        String refreshToken,
        Duration connectTimeout,
        Duration readTimeout,
        Duration lookback,
        int firstRunDays,
        Set<PayoutTarget> payoutTargets) {

    public boolean demoMode() {
        return clientId.isBlank();
    }

    /** The client configuration for the configured (or given, in demo mode) endpoints and credentials. */
    public SpApiConfig config(URI endpointOverride, URI lwaOverride, LwaCredentials credentials) {
        return new SpApiConfig(
                endpointOverride != null ? endpointOverride : endpoint.orElse(region.endpoint()),
                lwaOverride != null ? lwaOverride : lwaEndpoint.orElse(SpApiRegion.LWA_TOKEN_ENDPOINT),
                credentials,
                connectTimeout,
                readTimeout);
    }

    public LwaCredentials credentials() {
        return new LwaCredentials(clientId, clientSecret, refreshToken);
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "SpApiSettings[region=" + region + ", endpoint=" + endpoint + ", lwaEndpoint=" + lwaEndpoint
                + ", clientId=" + clientId + ", clientSecret=****, refreshToken=****, lookback=" + lookback
                + ", firstRunDays=" + firstRunDays + ", payoutTargets=" + payoutTargets + "]";
    }
}
