package io.payreports.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import io.payreports.mws.MwsClient;
import io.payreports.mws.MwsConfig;
import io.payreports.simulator.MwsSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An MWS client as configured: Amazon's endpoint with the operator's keys, or the built-in simulator (demo mode). */
final class MwsConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MwsConnection.class);
    private static final String DEMO_ACCESS_KEY = "DEMOMWSACCESSKEY";
    private static final String DEMO_SELLER = "A1DEMOSELLER";

    private final MwsClient client;
    private final Optional<MwsSimulator> demo;

    private MwsConnection(MwsClient client, Optional<MwsSimulator> demo) {
        this.client = client;
        this.demo = demo;
    }

    static MwsConnection open(MwsSettings settings, Clock clock) {
        if (!settings.demoMode()) {
            return new MwsConnection(new MwsClient(settings.config(), clock), Optional.empty());
        }
        byte[] secret = new byte[30];
        new SecureRandom().nextBytes(secret);
        String secretKey = Base64.getEncoder().encodeToString(secret);
        try {
            MwsSimulator simulator = MwsSimulator.start(MwsSimulator.Options.of(0, DEMO_ACCESS_KEY, secretKey, DEMO_SELLER, clock));
            LOG.info("No MWS access key configured: MWS jobs use the built-in simulator at {} (demo mode)", simulator.baseUrl());
            MwsConfig config = new MwsConfig(simulator.baseUrl(), DEMO_ACCESS_KEY, secretKey, DEMO_SELLER, Optional.empty(),
                    settings.connectTimeout(), settings.readTimeout());
            return new MwsConnection(new MwsClient(config, clock), Optional.of(simulator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the built-in MWS simulator: " + e.getMessage(), e);
        }
    }

    MwsClient client() {
        return client;
    }

    @Override
    public void close() {
        demo.ifPresent(MwsSimulator::close);
    }
}
