package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.config.RuntimeClock;
import io.payreports.hostile.HostileServer;
import io.payreports.http.PagingLimitException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SP-API and its token endpoint played by a hostile server: no secret leaks, no listing without end. */
class HostileSpApiTest {

    private static final LwaCredentials CREDENTIALS = new LwaCredentials(
            "amzn1.application-oa2-client.hostile", "client/secret+value|1", "Atzr|IwEBrefresh/token+x=y");
    private static final String TOKEN =
            "{\"access_token\":\"Atza|access\",\"token_type\":\"bearer\",\"expires_in\":3600}";

    @Test
    void aTokenEndpointThatEchoesTheRequestLeaksNoSecretInAnyEncoding() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/auth/o2/token", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                HostileServer.send(
                        exchange,
                        400,
                        "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":"
                                + new com.fasterxml.jackson.databind.ObjectMapper()
                                        .writeValueAsString("you sent " + request + " raw " + CREDENTIALS.refreshToken()
                                                + " json "
                                                + CREDENTIALS.refreshToken().replace("/", "\\/"))
                                + "}");
            });

            assertThatThrownBy(() -> client(amazon).listTransactions(query(), null))
                    .isInstanceOf(LwaException.class)
                    .satisfies(error -> assertThat(error.getMessage())
                            .contains(
                                    "you sent grant_type=refresh_token&refresh_token=****&client_id=amzn1.application-oa2-client.hostile&client_secret=****")
                            .doesNotContain("IwEB", "Atzr", "secret+value", "secret%2Bvalue", "refresh%2Ftoken"));
        }
    }

    @Test
    void aRepeatedNextTokenEndsTheListingNamingTheProblem() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/auth/o2/token", HostileServer.json(200, TOKEN));
            String page = "{\"transactions\":[],\"nextToken\":\"SAME\"}";
            amazon.on(
                    "/finances/2024-06-19/transactions",
                    HostileServer.json(200, "{\"payload\":" + page + "," + page.substring(1)));
            WindowPages pages = new WindowPages(
                    client(amazon),
                    new TransactionWindow(
                            1, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), null),
                    0);

            assertThatThrownBy(() -> {
                        while (pages.hasNext()) {
                            pages.next();
                        }
                    })
                    .isInstanceOf(PagingLimitException.class)
                    .hasMessage(
                            "listTransactions answered page 2 with a nextToken it had given before; the listing would never end, ended without a result");
            assertThat(amazon.requests().stream().filter(request -> request.contains("/transactions")))
                    .hasSize(2);
        }
    }

    @Test
    void a429IsNotRetriedByTheClientButCarriesTheWaitForTheJobsRedelivery() throws Exception {
        String quotaExceeded = "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota\"}]}";
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/auth/o2/token", HostileServer.json(200, TOKEN));
            amazon.on("/finances/2024-06-19/transactions", HostileServer.json(429, quotaExceeded));

            assertThatThrownBy(() -> client(amazon).listTransactions(query(), null))
                    .isInstanceOfSatisfying(
                            SpApiException.class,
                            e -> assertThat(e.retryAfter())
                                    .as("no Retry-After: the time listTransactions' usage plan (0.5/s) grants the next")
                                    .contains(Duration.ofSeconds(2)));
            assertThat(amazon.requests().stream().filter(request -> request.contains("/transactions")))
                    .hasSize(1);

            amazon.on("/finances/2024-06-19/transactions", exchange -> {
                exchange.getResponseHeaders().add("Retry-After", "7");
                HostileServer.send(exchange, 429, "application/json", quotaExceeded);
            });
            assertThatThrownBy(() -> client(amazon).listTransactions(query(), null))
                    .isInstanceOfSatisfying(
                            SpApiException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        }
    }

    private static TransactionsQuery query() {
        return new TransactionsQuery(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), null);
    }

    private static SpApiClient client(HostileServer server) throws IOException {
        SpApiConfig config = new SpApiConfig(
                URI.create(server.baseUrl()),
                URI.create(server.baseUrl() + "/auth/o2/token"),
                CREDENTIALS,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        return new SpApiClient(config, RuntimeClock.get());
    }
}
