package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.config.RuntimeClock;
import io.payreports.hostile.HostileServer;
import io.payreports.http.PagingLimitException;
import io.payreports.jobs.RetryAfterPause;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SP-API and its token endpoint played by a hostile server: no secret leaks, no listing without end. */
class HostileSpApiTest {

    private static final LwaCredentials CREDENTIALS = new LwaCredentials(
            "amzn1.application-oa2-client.hostile", "client/secret+value|1", "Atzr|IwEBrefresh/token+x=y");
    private static final String QUOTA_EXCEEDED =
            "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota\"}]}";
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
                    client(amazon), window(), 0, new RetryAfterPause(Duration.ofMinutes(1), pause -> {}));

            assertThatThrownBy(() -> {
                        while (pages.hasNext()) {
                            pages.next();
                        }
                    })
                    .isInstanceOf(PagingLimitException.class)
                    .hasMessage(
                            "listTransactions answered page 2 with a nextToken it had given before; the listing would never end, ended without a result");
            assertThat(transactionRequests(amazon)).isEqualTo(2);
        }
    }

    @Test
    void a429IsNotRetriedByTheClientButCarriesTheWait() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/auth/o2/token", HostileServer.json(200, TOKEN));
            amazon.on("/finances/2024-06-19/transactions", HostileServer.json(429, QUOTA_EXCEEDED));

            assertThatThrownBy(() -> client(amazon).listTransactions(query(), null))
                    .isInstanceOfSatisfying(
                            SpApiException.class,
                            e -> assertThat(e.retryAfter())
                                    .as("no Retry-After: the time listTransactions' usage plan (0.5/s) grants the next")
                                    .contains(Duration.ofSeconds(2)));
            assertThat(transactionRequests(amazon)).isEqualTo(1);

            amazon.on("/finances/2024-06-19/transactions", exchange -> {
                exchange.getResponseHeaders().add("Retry-After", "7");
                HostileServer.send(exchange, 429, "application/json", QUOTA_EXCEEDED);
            });
            assertThatThrownBy(() -> client(amazon).listTransactions(query(), null))
                    .isInstanceOfSatisfying(
                            SpApiException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        }
    }

    @Test
    void aThrottledPageIsAskedForAgainAfterTheWaitNotTheWindowFromItsStart() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/auth/o2/token", HostileServer.json(200, TOKEN));
            AtomicInteger asked = new AtomicInteger();
            amazon.on("/finances/2024-06-19/transactions", exchange -> {
                boolean second = exchange.getRequestURI().getQuery().contains("nextToken=PAGE2");
                // the second page is throttled twice before Amazon answers it
                if (second && asked.incrementAndGet() <= 2) {
                    HostileServer.send(exchange, 429, "application/json", QUOTA_EXCEEDED);
                } else {
                    HostileServer.send(
                            exchange,
                            200,
                            "application/json",
                            second
                                    ? "{\"payload\":{\"transactions\":[]}}"
                                    : "{\"payload\":{\"transactions\":[],\"nextToken\":\"PAGE2\"}}");
                }
            });
            List<Duration> waited = new ArrayList<>();
            WindowPages pages = new WindowPages(
                    client(amazon), window(), 0, new RetryAfterPause(Duration.ofMinutes(1), waited::add));

            List<Integer> numbers = new ArrayList<>();
            while (pages.hasNext()) {
                WindowPages.Page page = pages.next();
                numbers.add(page.number());
                assertThat(page.restart()).isZero();
            }

            assertThat(numbers).containsExactly(1, 2);
            assertThat(waited)
                    .as("twice the time listTransactions' usage plan (0.5/s) takes to grant the next request")
                    .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
            assertThat(transactionRequests(amazon))
                    .as("page 1 once, page 2 three times")
                    .isEqualTo(4);
        }
    }

    @Test
    void aPageThrottledBeyondItsAllowanceFailsTheWindowForTheJobsRedelivery() throws Exception {
        try (HostileServer amazon = HostileServer.start()) {
            amazon.on("/auth/o2/token", HostileServer.json(200, TOKEN));
            amazon.on("/finances/2024-06-19/transactions", HostileServer.json(429, QUOTA_EXCEEDED));
            List<Duration> waited = new ArrayList<>();
            WindowPages pages = new WindowPages(
                    client(amazon), window(), 3, new RetryAfterPause(Duration.ofMinutes(1), waited::add));

            assertThatThrownBy(pages::next)
                    .isInstanceOfSatisfying(
                            SpApiException.class, e -> assertThat(e.status()).isEqualTo(429));
            assertThat(waited).hasSize(WindowPages.MAX_THROTTLED_PER_PAGE);
            assertThat(pages.hasNext()).as("the failed window is over").isFalse();
            assertThat(transactionRequests(amazon)).isEqualTo(WindowPages.MAX_THROTTLED_PER_PAGE + 1);
        }
    }

    private static long transactionRequests(HostileServer amazon) {
        return amazon.requests().stream()
                .filter(request -> request.contains("/transactions"))
                .count();
    }

    private static TransactionWindow window() {
        return new TransactionWindow(
                1, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), null);
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
