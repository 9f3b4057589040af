package io.payreports.config;

import io.payreports.simulator.Faults;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SP-API client as configured, made on first use: Amazon when a client id is set, else the
 * built-in SP-API simulator started in-process (demo mode), so a runtime without SP-API jobs starts
 * no simulator.
 */
public final class SpApiConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpApiConnection.class);
    /** What the demo simulator accepts; not secrets, it runs on 127.0.0.1 only. */
    static final LwaCredentials DEMO_CREDENTIALS = new LwaCredentials(
            "amzn1.application-oa2-client.payreports-demo", "demo-client-secret", "Atzr|payreports-demo");

    private final String account;
    private final SpApiSettings settings;
    private final Clock clock;
    private SpApiClient client; // guarded by this
    private final Faults demoFaults;
    private SpApiSimulator demo; // guarded by this

    public SpApiConnection(String account, SpApiSettings settings, Clock clock) {
        this(account, settings, clock, Faults.none());
    }

    /**
     * @param demoFaults what the demo simulator injects: the breaks of {@code payreports.demo.faults}, so that its
     *     Transfer transactions, the payouts of the demo's Amazon Pay settlements, miss the same disbursement
     */
    public SpApiConnection(String account, SpApiSettings settings, Clock clock, Faults demoFaults) {
        this.account = account;
        this.settings = settings;
        this.clock = clock;
        this.demoFaults = demoFaults;
    }

    /** For one-shot commands: {@code account}'s, from the operator's file (or config/application.properties) and the environment. */
    public static SpApiConnection fromConfigFile(Path configFile, String account, Clock clock) {
        Optional<Path> operatorConfig = ConfigFiles.operatorConfig(configFile);
        ConfigFiles.readSettings(operatorConfig).applyHttpLimits();
        return new SpApiConnection(
                account, ConfigFiles.readAccount(operatorConfig, account).spApi(), clock);
    }

    public SpApiSettings settings() {
        return settings;
    }

    public synchronized SpApiClient client() {
        if (client == null) {
            if (settings.demoMode()) {
                try {
                    demo = SpApiSimulator.start(SpApiSimulatorOptions.of(0, clock)
                            .withCredentials(DEMO_CREDENTIALS)
                            .withFaults(demoFaults));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the built-in SP-API simulator: " + e.getMessage(), e);
                }
                LOG.warn(
                        "No SP-API client id configured{}: using the built-in SP-API simulator at {} (demo mode)",
                        Accounts.forAccount(account),
                        demo.baseUrl());
                client = new SpApiClient(settings.config(demo.baseUrl(), demo.lwaEndpoint(), DEMO_CREDENTIALS), clock);
            } else {
                client = new SpApiClient(settings.config(null, null, settings.credentials()), clock);
            }
        }
        return client;
    }

    /** Where SP-API calls went, for summaries and logs, once a call was made; never contains secrets. */
    public synchronized Optional<String> usedDescription() {
        if (client == null) {
            return Optional.empty();
        }
        return Optional.of(
                demo != null
                        ? "demo mode: built-in SP-API simulator at " + demo.baseUrl()
                        : "SP-API at " + client.config().endpoint());
    }

    @Override
    public synchronized void close() {
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }
}
