package io.payreports.config;

import io.payreports.amazonpay.PemKeys;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.Faults;
import io.payreports.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Demo mode: the simulator in-process on a free 127.0.0.1 port, with a key pair kept under
 * {@code <data-dir>/demo-keys/} so that the same demo identity is used from run to run.
 */
final class DemoAmazonPay implements AutoCloseable {

    static final String PUBLIC_KEY_ID = "PAYREPORTS-DEMO";
    static final String FAULTS = "payreports.demo.faults";

    private final AmazonPaySimulator simulator;
    private final PrivateKey privateKey;

    private DemoAmazonPay(AmazonPaySimulator simulator, PrivateKey privateKey) {
        this.simulator = simulator;
        this.privateKey = privateKey;
    }

    static DemoAmazonPay start(Path dataDir, Clock clock, Faults faults) {
        KeyPair keys = demoKeys(dataDir.resolve("demo-keys"));
        try {
            return new DemoAmazonPay(
                    AmazonPaySimulator.start(SimulatorOptions.of(0, PUBLIC_KEY_ID, keys.getPublic(), clock)
                            .withFaults(faults)),
                    keys.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the built-in Amazon Pay simulator: " + e.getMessage(), e);
        }
    }

    /**
     * What the demo simulator injects ({@code payreports.demo.faults}, the spec of {@code simulator --faults}): API
     * faults and breaks in the settlement data to reconcile.
     */
    static Faults faults(Function<String, String> lookup, PayreportsSettings.KeyLocator locator) {
        String spec = lookup.apply(FAULTS);
        try {
            return Faults.parse(spec, 1);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(locator.problem(FAULTS, e.getMessage())));
        }
    }

    /** Reads the demo key pair, or makes one the first time. */
    static KeyPair demoKeys(Path dir) {
        Path privateFile = dir.resolve("demo-private-key.pem");
        Path publicFile = dir.resolve("demo-public-key.pem");
        if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
            return new KeyPair(PemKeys.readPublicKey(publicFile), PemKeys.readPrivateKey(privateFile));
        }
        KeyPair keys = PemKeys.generateRsaKeyPair();
        PemKeys.writePrivateKey(keys.getPrivate(), privateFile);
        PemKeys.writePublicKey(keys.getPublic(), publicFile);
        return keys;
    }

    URI endpoint() {
        return simulator.baseUrl();
    }

    String publicKeyId() {
        return PUBLIC_KEY_ID;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
