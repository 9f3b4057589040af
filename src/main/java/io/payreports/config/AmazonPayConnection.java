package io.payreports.config;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.amazonpay.KeyFileException;
import io.payreports.amazonpay.PemKeys;
import io.payreports.reports.ReportContext;
import io.payreports.simulator.Faults;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's signed Amazon Pay client as configured: the real service when its public key id is set, else
 * the built-in simulator started in-process with a generated key pair (demo mode).
 */
public final class AmazonPayConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonPayConnection.class);

    private final String account;
    private final AmazonPayClient client;
    private final String description;
    private final Optional<DemoAmazonPay> demo;

    private AmazonPayConnection(
            String account, AmazonPayClient client, String description, Optional<DemoAmazonPay> demo) {
        this.account = account;
        this.client = client;
        this.description = description;
        this.demo = demo;
    }

    /**
     * For one-shot commands: {@code account}'s connection, with the settings of the operator's file (or
     * config/application.properties) and the environment.
     */
    public static AmazonPayConnection fromConfigFile(Path configFile, String account, Clock clock) {
        Optional<Path> operatorConfig = ConfigFiles.operatorConfig(configFile);
        PayreportsSettings settings = ConfigFiles.readSettings(operatorConfig);
        settings.applyHttpLimits();
        AmazonPayConnection connection = open(
                settings,
                ConfigFiles.readAccount(operatorConfig, account),
                Faults.none(),
                new ConfigLocator(operatorConfig),
                clock);
        connection.warnIfDemo();
        return connection;
    }

    /** Said by those who will call Amazon Pay: a command that only delivers (replay) never needs the key. */
    void warnIfDemo() {
        demo.ifPresent(simulator -> LOG.warn(
                "No Amazon Pay public key id configured for account {}: using the built-in simulator at {} (demo mode)",
                account,
                simulator.endpoint()));
    }

    /**
     * {@code account}'s connection; {@code settings} gives what every account shares (timeouts, document policy,
     * the data folder of the demo keys).
     *
     * @param demoFaults what the demo simulator injects ({@code payreports.demo.faults}); unused with a real key
     */
    public static AmazonPayConnection open(
            PayreportsSettings settings,
            AccountSettings account,
            Faults demoFaults,
            PayreportsSettings.KeyLocator locator,
            Clock clock) {
        AmazonPayKeys keys = account.amazonPay();
        if (keys.demoMode()) {
            DemoAmazonPay demo =
                    DemoAmazonPay.start(settings.dataDir(), account.name(), keys.region(), clock, demoFaults);
            AmazonPayConfig config = settings.amazonPayConfig(keys, demo.endpoint(), demo.publicKeyId());
            AmazonPayClient client = new AmazonPayClient(
                    config, new AmazonPaySigner(demo.publicKeyId(), demo.privateKey(), config.region(), clock));
            return new AmazonPayConnection(
                    account.name(),
                    client,
                    "demo mode: built-in Amazon Pay simulator at " + demo.endpoint(),
                    Optional.of(demo));
        }
        PrivateKey key;
        try {
            key = PemKeys.readPrivateKey(keys.privateKeyFile().orElseThrow());
        } catch (KeyFileException e) {
            String keyFile = account.name().equals(ReportContext.DEFAULT_ACCOUNT)
                    ? AccountKeys.single("amazonpay", "private-key-file")
                    : AccountKeys.named(account.name(), "amazonpay", "private-key-file");
            throw new ConfigException(
                    List.of(AccountKeys.namingAccounts(locator).problem(keyFile, e.getMessage())));
        }
        AmazonPayConfig config = settings.amazonPayConfig(keys, keys.endpoint().orElse(null), keys.publicKeyId());
        AmazonPayClient client =
                new AmazonPayClient(config, new AmazonPaySigner(config.publicKeyId(), key, config.region(), clock));
        return new AmazonPayConnection(
                account.name(),
                client,
                "Amazon Pay " + config.region() + "/" + config.environment() + " at " + config.endpoint(),
                Optional.empty());
    }

    public AmazonPayClient client() {
        return client;
    }

    /** For summaries and logs; never contains secrets. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        demo.ifPresent(DemoAmazonPay::close);
    }
}
