package io.payreports.simulator;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPaySigner;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;

/** Our signed client pointed at a simulator started by a test. */
final class SignedClients {

    private SignedClients() {}

    static AmazonPayClient to(AmazonPaySimulator simulator, String publicKeyId, PrivateKey privateKey, Clock clock) {
        AmazonPayConfig config = new AmazonPayConfig(
                simulator.baseUrl(), "na", "live", publicKeyId, Duration.ofSeconds(5), Duration.ofSeconds(10), null);
        return new AmazonPayClient(config, new AmazonPaySigner(publicKeyId, privateKey, "na", clock));
    }
}
