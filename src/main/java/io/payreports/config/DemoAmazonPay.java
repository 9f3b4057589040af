package io.payreports.config;

import io.payreports.amazonpay.PemKeys;
import io.payreports.reports.ReportContext;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.Faults;
import io.payreports.simulator.SimulatedMerchant;
import io.payreports.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Demo mode: the simulator in-process on a free 127.0.0.1 port, with a key pair kept under
 * {@code <data-dir>/demo-keys/} so that the same demo identity is used from run to run. Each demo account has its
 * own simulator and key pair (the default account's keys in {@code demo-keys/}, another's in
 * {@code demo-keys/<account>/}).
 */
final class DemoAmazonPay implements AutoCloseable {

    static final String PUBLIC_KEY_ID = "PAYREPORTS-DEMO";
    static final String FAULTS = "payreports.demo.faults";

    /**
     * With no configuration at all the demo runs a second account, {@code eu}, as these keys would declare it, so
     * that a newcomer sees two merchant accounts (two regions) delivered apart.
     */
    static final Map<String, String> SECOND_ACCOUNT = Map.of(
            AccountKeys.named("eu", "amazonpay", "region"), "eu",
            AccountKeys.named("eu", "spapi", "region"), "eu",
            AccountKeys.named("eu", "mws", "region"), "eu");

    private final AmazonPaySimulator simulator;
    private final PrivateKey privateKey;
    private final String publicKeyId;

    private DemoAmazonPay(AmazonPaySimulator simulator, PrivateKey privateKey, String publicKeyId) {
        this.simulator = simulator;
        this.privateKey = privateKey;
        this.publicKeyId = publicKeyId;
    }

    /**
     * Whether the demo's second account runs: no account is configured by name and the default account has no
     * credentials for any Amazon API.
     */
    static boolean withSecondAccount(Function<String, String> lookup, Collection<String> accountKeys) {
        return accountKeys.isEmpty() && isDemo(lookup);
    }

    /** Whether the default account has no credentials for any Amazon API. */
    private static boolean isDemo(Function<String, String> lookup) {
        return Map.of("amazonpay", "public-key-id", "spapi", "client-id", "mws", "access-key-id").entrySet().stream()
                .map(option -> lookup.apply(AccountKeys.of(ReportContext.DEFAULT_ACCOUNT, option.getKey(), lookup)
                        .key(option.getValue())))
                .allMatch(value -> value == null || value.isBlank());
    }

    /** @param region the account's Amazon Pay region ({@code na}, {@code eu}, {@code jp}): its data's currency */
    static DemoAmazonPay start(Path dataDir, String account, String region, Clock clock, Faults faults) {
        boolean first = account.equals(ReportContext.DEFAULT_ACCOUNT);
        Path keysDir = first
                ? dataDir.resolve("demo-keys")
                : dataDir.resolve("demo-keys").resolve(account);
        String publicKeyId = first ? PUBLIC_KEY_ID : PUBLIC_KEY_ID + "-" + account;
        KeyPair keys = demoKeys(keysDir);
        // the default account's data as it always was; another is a merchant of its region, with its own
        // settlements in its currency (EUR for eu), so that its report ids are not the first account's
        SimulatorOptions options = first
                ? SimulatorOptions.of(0, publicKeyId, keys.getPublic(), clock)
                : SimulatorOptions.of(
                        0,
                        List.of(SimulatedMerchant.generate(account, SimulatedMerchant.Region.of(region))
                                .withAmazonPayKey(publicKeyId, keys)),
                        clock);
        options = options.withFaults(faults);
        try {
            return new DemoAmazonPay(AmazonPaySimulator.start(options), keys.getPrivate(), publicKeyId);
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
        return publicKeyId;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
