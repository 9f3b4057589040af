package io.payreports.amazonpay;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;

/**
 * An Amazon Pay client whose tests script its answers by overriding the operations they need; any other operation
 * would go to an address nothing listens on.
 */
abstract class OfflineAmazonPay extends AmazonPayClient {

    private static final PrivateKey KEY = rsaKey();

    OfflineAmazonPay(Clock clock) {
        super(
                new AmazonPayConfig(
                        URI.create("https://pay-api.amazon.com"),
                        "na",
                        "live",
                        "KEY",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        null),
                new AmazonPaySigner("KEY", KEY, "na", clock));
    }

    private static PrivateKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
