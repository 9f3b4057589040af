package io.payreports.simulator;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.SpApiConfig;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;

/** Our signed clients pointed at a simulator started by a test. */
final class SignedClients {

    private SignedClients() {}

    static AmazonPayClient to(AmazonPaySimulator simulator, String publicKeyId, PrivateKey privateKey, Clock clock) {
        AmazonPayConfig config = new AmazonPayConfig(
                simulator.baseUrl(), "na", "live", publicKeyId, Duration.ofSeconds(5), Duration.ofSeconds(10), null);
        return new AmazonPayClient(config, new AmazonPaySigner(publicKeyId, privateKey, "na", clock));
    }

    /** Our SP-API client with these LWA credentials. */
    static SpApiClient to(SpApiSimulator simulator, LwaCredentials credentials, Clock clock) {
        return new SpApiClient(
                new SpApiConfig(
                        simulator.baseUrl(),
                        simulator.lwaEndpoint(),
                        credentials,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10)),
                clock);
    }
}
