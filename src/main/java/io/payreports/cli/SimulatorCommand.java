package io.payreports.cli;

import io.payreports.amazonpay.KeyFileException;
import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.Faults;
import io.payreports.simulator.MwsSimulator;
import io.payreports.simulator.SimulatedMerchant;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "simulator",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the Amazon Pay API v2 simulator (with the SP-API simulator on the same port: LWA, Finances, Transfers) and the MWS Reports simulator on 127.0.0.1 until stopped (Ctrl+C).",
            "Amazon Pay requests must be signed with AMZN-PAY-RSASSA-PSS-V2 by the private key matching the public key;",
            "MWS requests with Signature Version 2 by the MWS secret key."
        })
public class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8443", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--public-key-file",
            paramLabel = "PEM",
            description = "Public key that requests must be signed for; without it a key pair is generated.")
    Path publicKeyFile;

    @Option(
            names = "--public-key-id",
            defaultValue = "ANY",
            paramLabel = "ID",
            description = "PublicKeyId the key is registered under; ANY accepts every id (default ${DEFAULT-VALUE}).")
    String publicKeyId;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Serve every *.csv file in DIR as an extra settlement report.")
    Path dataDir;

    @Option(names = "--no-generate", description = "Serve only the reports of --data-dir.")
    boolean noGenerate;

    @Option(
            names = "--faults",
            paramLabel = "SPEC",
            description = {
                "Injected failures, e.g. 429=0.2,500=0.1,503=0.05,slow=2000,expired-urls,failed-reports,",
                "and breaks in the data a reconciliation must find: missing-disbursement, fee-adjusted-later,",
                "refund-next-period, held-reserve, unsettled-capture (docs/simulator.md)"
            })
    String faults;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Data seed: the same seed serves the same reports (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--mws-port",
            paramLabel = "N",
            description =
                    "Port of the MWS Reports simulator on 127.0.0.1 (default: --port + 1; a free port with --port 0).")
    Integer mwsPort;

    @Option(
            names = "--mws-access-key-id",
            defaultValue = "DEMOMWSACCESSKEY",
            paramLabel = "ID",
            description = "AWSAccessKeyId MWS requests must be signed for (default ${DEFAULT-VALUE}).")
    String mwsAccessKeyId;

    @Option(
            names = "--mws-secret-key-file",
            paramLabel = "FILE",
            description =
                    "File holding the MWS secret key requests are signed with; without it one is generated into simulator-keys/.")
    Path mwsSecretKeyFile;

    @Option(
            names = "--mws-seller-id",
            defaultValue = "A1DEMOSELLER",
            paramLabel = "ID",
            description = "Merchant/SellerId of the MWS account (default ${DEFAULT-VALUE}).")
    String mwsSellerId;

    @Option(
            names = "--account",
            paramLabel = "NAME:REGION[:report-ids-of=OTHER]",
            description = {
                "Serve this merchant account (repeatable; REGION is NA, EU or JP) instead of the one merchant of the",
                "--public-key-* and --mws-* options: each with its own keys and data, written to simulator-keys/NAME/.",
                "report-ids-of=OTHER gives its settlements OTHER's report ids (same region: every id collides)."
            })
    List<String> accounts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Faults injected;
        List<SimulatedMerchant> merchants = new ArrayList<>();
        try {
            injected = Faults.parse(faults, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: --faults: " + e.getMessage());
            return 2;
        }
        try {
            for (String account : accounts) {
                SimulatedMerchant merchant = SimulatedMerchant.parse(account);
                if (merchants.stream().anyMatch(other -> other.name().equals(merchant.name()))) {
                    throw new IllegalArgumentException("account " + merchant.name() + " is named twice");
                }
                merchants.add(merchant);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: --account: " + e.getMessage());
            return 2;
        }
        // the one merchant's key and MWS secret; named accounts bring their own
        Function<String, Optional<PublicKey>> keys = id -> Optional.empty();
        String mwsSecret = "";
        if (merchants.isEmpty()) {
            PublicKey publicKey;
            try {
                publicKey = publicKeyFile == null ? generatedKey() : PemKeys.readPublicKey(publicKeyFile);
            } catch (KeyFileException e) {
                System.err.println("simulator: " + e.getMessage());
                return 2;
            }
            keys = id ->
                    publicKeyId.equals("ANY") || publicKeyId.equals(id) ? Optional.of(publicKey) : Optional.empty();
            mwsSecret = mwsSecretKey();
        }
        SimulatorOptions options = new SimulatorOptions(
                        port, keys, seed, 90, RuntimeClock.get(), Optional.ofNullable(dataDir), !noGenerate, injected)
                .withMerchants(merchants);
        MwsSimulator.Options mws = new MwsSimulator.Options(
                mwsPort == null ? nextTo(port) : mwsPort,
                mwsAccessKeyId,
                mwsSecret,
                mwsSellerId,
                seed,
                90,
                RuntimeClock.get(),
                injected,
                0,
                Set.of(),
                merchants);
        CountDownLatch stopped = new CountDownLatch(1);
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(options);
                MwsSimulator mwsSimulator = MwsSimulator.start(mws)) {
            SpApiSimulator.mount(
                    simulator,
                    SpApiSimulatorOptions.of(port, RuntimeClock.get())
                            .withSeed(seed)
                            .withLatePostings(0.1)
                            .withFaults(Faults.parse(faults, seed))
                            .withMerchants(merchants));
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("Amazon Pay simulator listening on " + simulator.baseUrl()
                    + " (paths /v2/... for LIVE-/SANDBOX- key ids, /live/v2/... and /sandbox/v2/...)");
            if (merchants.isEmpty()) {
                System.out.println("Point payreports at it with PAYREPORTS_AMAZONPAY_ENDPOINT=" + simulator.baseUrl());
                System.out.println("MWS Reports simulator listening on " + mwsSimulator.baseUrl()
                        + ": PAYREPORTS_MWS_ENDPOINT=" + mwsSimulator.baseUrl() + " PAYREPORTS_MWS_ACCESS_KEY_ID="
                        + mwsAccessKeyId + " PAYREPORTS_MWS_SELLER_ID=" + mwsSellerId);
                System.out.println(
                        "SP-API simulator on the same port (/finances/..., LWA at /auth/o2/token, any client id, secret and refresh token):"
                                + " PAYREPORTS_SPAPI_ENDPOINT=" + simulator.baseUrl()
                                + " PAYREPORTS_SPAPI_LWA_ENDPOINT=" + simulator.baseUrl() + SpApiSimulator.LWA_PATH);
            } else {
                System.out.println("MWS Reports simulator listening on " + mwsSimulator.baseUrl());
                System.out.println(
                        "SP-API simulator on the same port (/finances/..., LWA at " + SpApiSimulator.LWA_PATH + ")");
                for (SimulatedMerchant merchant : merchants) {
                    printAccount(merchant, simulator.baseUrl(), mwsSimulator.baseUrl());
                }
            }
            stopped.await();
        }
        return 0;
    }

    /**
     * Writes the account's key pair and secrets to simulator-keys/NAME/ and prints where they are, with the rest of
     * its settings under the names of the account's configuration keys; never a secret itself.
     */
    private static void printAccount(SimulatedMerchant merchant, URI endpoint, URI mwsEndpoint) throws IOException {
        Path dir = Files.createDirectories(Path.of("simulator-keys", merchant.name()))
                .toAbsolutePath();
        PemKeys.writePrivateKey(merchant.amazonPayKeys().getPrivate(), dir.resolve("private-key.pem"));
        PemKeys.writePublicKey(merchant.amazonPayKeys().getPublic(), dir.resolve("public-key.pem"));
        Files.writeString(dir.resolve("lwa-client-secret"), merchant.lwa().clientSecret());
        Files.writeString(dir.resolve("lwa-refresh-token"), merchant.lwa().refreshToken());
        Files.writeString(dir.resolve("mws-secret-key"), merchant.mwsSecretKey());
        SimulatedMerchant.Region region = merchant.region();
        System.out.println("Account " + merchant.name() + " (" + region + ", " + region.currency() + "; stands in for "
                + region.amazonPayEndpoint().getHost() + "):");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("amazonpay.region", region.name().toLowerCase(Locale.ROOT));
        settings.put("amazonpay.endpoint", endpoint);
        settings.put("amazonpay.public-key-id", merchant.publicKeyId());
        settings.put("amazonpay.private-key-file", dir.resolve("private-key.pem"));
        settings.put("spapi.region", region.spApiRegion().name().toLowerCase(Locale.ROOT));
        settings.put("spapi.endpoint", endpoint);
        settings.put("spapi.lwa-endpoint", endpoint + SpApiSimulator.LWA_PATH);
        settings.put("spapi.client-id", merchant.lwa().clientId());
        settings.put("spapi.client-secret", "(in " + dir.resolve("lwa-client-secret") + ")");
        settings.put("spapi.refresh-token", "(in " + dir.resolve("lwa-refresh-token") + ")");
        settings.put("mws.endpoint", mwsEndpoint);
        settings.put("mws.seller-id", merchant.mwsSellerId());
        settings.put("mws.access-key-id", merchant.mwsAccessKeyId());
        settings.put("mws.secret-key", "(in " + dir.resolve("mws-secret-key") + ")");
        settings.forEach((key, value) ->
                System.out.println("  payreports.accounts." + merchant.name() + "." + key + "=" + value));
    }

    /** The secret from --mws-secret-key-file, or a new one written to simulator-keys/ (the path is printed, never the secret). */
    private String mwsSecretKey() throws IOException {
        if (mwsSecretKeyFile != null) {
            return Files.readString(mwsSecretKeyFile).strip();
        }
        byte[] random = new byte[30];
        new SecureRandom().nextBytes(random);
        Path file = Files.createDirectories(Path.of("simulator-keys")).resolve("mws-secret-key");
        Files.writeString(file, Base64.getEncoder().encodeToString(random));
        System.out.println("No --mws-secret-key-file: generated one; sign MWS requests with the key in "
                + file.toAbsolutePath() + " (PAYREPORTS_MWS_SECRET_KEY)");
        return Files.readString(file);
    }

    private static PublicKey generatedKey() {
        Path dir = Path.of("simulator-keys");
        KeyPair keys = PemKeys.generateRsaKeyPair();
        PemKeys.writePrivateKey(keys.getPrivate(), dir.resolve("private-key.pem"));
        PemKeys.writePublicKey(keys.getPublic(), dir.resolve("public-key.pem"));
        System.out.println("No --public-key-file: generated a key pair; sign requests with "
                + dir.resolve("private-key.pem").toAbsolutePath() + " (public key "
                + dir.resolve("public-key.pem").toAbsolutePath() + ")");
        return keys.getPublic();
    }

    /** The MWS simulator's default port: beside the Amazon Pay one, or a free one when that is free too (0). */
    private static int nextTo(int port) {
        return port == 0 ? 0 : port + 1;
    }
}
