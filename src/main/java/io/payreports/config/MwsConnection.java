package io.payreports.config;

import io.payreports.mws.MwsClient;
import io.payreports.mws.MwsConfig;
import io.payreports.simulator.Faults;
import io.payreports.simulator.MwsSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MWS client as configured, made on first use: Amazon's endpoint with the operator's keys, or the
 * built-in simulator (demo mode), so that a runtime without MWS jobs starts no simulator.
 */
final class MwsConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MwsConnection.class);
    private static final String DEMO_ACCESS_KEY = "DEMOMWSACCESSKEY";
    private static final String DEMO_SELLER = "A1DEMOSELLER";

    private final String account;
    private final MwsSettings settings;
    private final Clock clock;
    private MwsClient client; // guarded by this
    private final Faults demoFaults;
    private MwsSimulator demo; // guarded by this

    /**
     * @param demoFaults what the demo simulator injects: the data faults of {@code payreports.demo.faults} (an
     *     unsettled capture), not its API faults
     */
    MwsConnection(String account, MwsSettings settings, Clock clock, Faults demoFaults) {
        this.account = account;
        this.settings = settings;
        this.clock = clock;
        this.demoFaults = demoFaults;
    }

    synchronized MwsClient client() {
        if (client != null) {
            return client;
        }
        if (!settings.demoMode()) {
            client = new MwsClient(settings.config(), clock);
            return client;
        }
        byte[] secret = new byte[30];
        new SecureRandom().nextBytes(secret);
        String secretKey = Base64.getEncoder().encodeToString(secret);
        try {
            demo = MwsSimulator.start(MwsSimulator.Options.of(0, DEMO_ACCESS_KEY, secretKey, DEMO_SELLER, clock)
                    .withFaults(demoFaults));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the built-in MWS simulator: " + e.getMessage(), e);
        }
        LOG.info(
                "No MWS access key configured{}: MWS jobs use the built-in simulator at {} (demo mode)",
                Accounts.forAccount(account),
                demo.baseUrl());
        MwsConfig config = new MwsConfig(
                demo.baseUrl(),
                DEMO_ACCESS_KEY,
                secretKey,
                DEMO_SELLER,
                Optional.empty(),
                settings.connectTimeout(),
                settings.readTimeout());
        client = new MwsClient(config, clock);
        return client;
    }

    /** Where the account's MWS calls went, for the run summary; empty while no MWS job ran. */
    synchronized Optional<String> usedDescription() {
        if (client == null) {
            return Optional.empty();
        }
        return Optional.of(
                demo != null
                        ? "demo mode: built-in MWS simulator at " + demo.baseUrl()
                        : "MWS at " + settings.config().endpoint());
    }

    @Override
    public synchronized void close() {
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }
}
