package io.payreports.config;

import io.payreports.spapi.LwaCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The properties file an operator writes to run the SP-API jobs against an endpoint, for tests that run them. */
public final class SpApiJobConfig {

    private SpApiJobConfig() {}

    /**
     * Writes {@code application.properties} into {@code dir}: the endpoints and credentials, output and
     * state under {@code dir}, one quick redelivery.
     *
     * @param firstRunDays how far back a job's first run reads transactions
     */
    public static Path write(Path dir, URI endpoint, URI lwaEndpoint, LwaCredentials credentials, int firstRunDays)
            throws IOException {
        return Files.writeString(
                dir.resolve("application.properties"),
                String.join(
                        "\n",
                        "payreports.spapi.endpoint = " + endpoint,
                        "payreports.spapi.lwa-endpoint = " + lwaEndpoint,
                        "payreports.spapi.client-id = " + credentials.clientId(),
                        "payreports.spapi.client-secret = " + credentials.clientSecret(),
                        "payreports.spapi.refresh-token = " + credentials.refreshToken(),
                        "payreports.spapi.transactions.first-run-days = " + firstRunDays,
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.retry.redelivery-delay = 10",
                        "payreports.retry.maximum-redeliveries = 1",
                        ""));
    }
}
