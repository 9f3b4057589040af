package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.jobs.JobRedelivery;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.LwaException;
import io.payreports.spapi.PaymentMethod;
import io.payreports.spapi.PaymentMethodsQuery;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.SpApiException;
import io.payreports.spapi.SpApiOperation;
import io.payreports.spapi.Transaction;
import io.payreports.spapi.TransactionsPage;
import io.payreports.spapi.TransactionsQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our SP-API client against the simulator: LWA, the Finances and Transfers rules, usage plans. */
class SpApiOperationsTest {

    private static final LwaCredentials CREDENTIALS =
            new LwaCredentials("amzn1.application-oa2-client.test", "client-Secret-1234", "Atzr|refresh-Token-5678");
    /** A fixed date: the simulated history, and so every count below, depends on it and not on today. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T12:00:00Z"));

    @Test
    void theAccessTokenIsExchangedOnceAndRenewedBeforeItExpires() throws Exception {
        try (SpApiSimulator simulator = simulator()) {
            SpApiClient client = client(simulator, CREDENTIALS);
            TransactionsQuery lastDay = new TransactionsQuery(
                    clock.instant().minus(Duration.ofDays(1)), clock.instant().minus(Duration.ofMinutes(5)), null);
            client.listTransactions(lastDay, null);
            client.listTransactions(lastDay, null);
            assertThat(simulator.tokenExchanges()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(59).plusSeconds(1));
            client.listTransactions(
                    new TransactionsQuery(lastDay.postedAfter(), clock.instant().minus(Duration.ofMinutes(5)), null),
                    null);
            assertThat(simulator.tokenExchanges())
                    .as("renewed a minute before the hour is up")
                    .isEqualTo(2);
        }
    }

    @Test
    void aRejectedRefreshTokenIsAClearErrorWithoutAnySecret() throws Exception {
        LwaCredentials revoked =
                new LwaCredentials(CREDENTIALS.clientId(), CREDENTIALS.clientSecret(), "Atzr|revoked-Token-0000");
        try (SpApiSimulator simulator = simulator()) {
            assertThatThrownBy(() -> client(simulator, revoked)
                            .call(SpApiOperation.getPaymentMethods, Map.of("marketplaceId", "ATVPDKIKX0DER"), ""))
                    .isInstanceOf(LwaException.class)
                    .hasMessage(
                            "LWA token exchange failed: HTTP 400 invalid_grant: The request has an invalid grant parameter : refresh_token;"
                                    + " check PAYREPORTS_SPAPI_REFRESH_TOKEN (revoked, expired or issued to another app)")
                    .satisfies(
                            e -> assertThat(((SpApiException) e).isRetryable()).isFalse());
            assertThat(revoked.toString()).doesNotContain(revoked.clientSecret(), revoked.refreshToken());
        }
    }

    @Test
    void transactionsKeepExactAmountsTheirCurrencyAndTheNestedStructures() throws Exception {
        try (SpApiSimulator simulator = simulator()) {
            TransactionsPage page = client(simulator, CREDENTIALS)
                    .listTransactions(
                            new TransactionsQuery(
                                    clock.instant().minus(Duration.ofDays(60)),
                                    clock.instant().minus(Duration.ofMinutes(3)),
                                    null),
                            null);

            assertThat(page.transactions()).hasSize(100);
            assertThat(page.nextToken()).isNotBlank();
            assertThat(page.transactions())
                    .extracting(Transaction::transactionType)
                    .contains("Shipment", "Refund", "ServiceFee", "Transfer");
            assertThat(page.transactions())
                    .extracting(Transaction::totalCurrency)
                    .contains("USD", "EUR", "GBP", "JPY");
            assertThat(page.transactions()).allSatisfy(t -> {
                assertThat(t.postedDate()).isEqualTo(Instant.parse(t.postedDateRaw()));
                assertThat(t.totalAmount().scale()).isEqualTo(t.totalCurrency().equals("JPY") ? 0 : 2);
                assertThat(t.breakdowns()).startsWith("[{\"breakdownType\"");
            });
            Transaction shipment = page.transactions().stream()
                    .filter(t -> t.transactionType().equals("Shipment"))
                    .findFirst()
                    .orElseThrow();
            assertThat(shipment.relatedIdentifiers()).contains("\"relatedIdentifierName\":\"ORDER_ID\"");
            assertThat(shipment.items()).contains("\"contextType\":\"ProductContext\"", "\"quantityShipped\":");
        }
    }

    @Test
    void windowsOfMoreThan180DaysAnswerNothingAndDatesLaterThanTwoMinutesAgoAreRefused() throws Exception {
        try (SpApiSimulator simulator = simulator()) {
            SpApiClient client = client(simulator, CREDENTIALS);
            Instant end = clock.instant().minus(Duration.ofMinutes(3));
            // the Finances reference: "If PostedAfter and PostedBefore are more than 180 days apart, no transactions
            // are returned."
            assertThat(client.listTransactions(new TransactionsQuery(end.minus(Duration.ofDays(181)), end, null), null)
                            .transactions())
                    .isEmpty();
            assertThat(client.listTransactions(new TransactionsQuery(end.minus(Duration.ofDays(180)), end, null), null)
                            .transactions())
                    .hasSize(100);
            assertThatThrownBy(() -> client.listTransactions(
                            new TransactionsQuery(
                                    end.minus(Duration.ofDays(1)),
                                    clock.instant().minusSeconds(60),
                                    null),
                            null))
                    .isInstanceOf(SpApiException.class)
                    .hasMessageContaining("HTTP 400 InvalidInput: Date must be no later than two minutes before");
        }
    }

    @Test
    void theSimulatorEnforcesTheUsagePlanAndTheClientWaitsOutA429() throws Exception {
        try (SpApiSimulator simulator = simulator();
                JobRedelivery job = JobRedelivery.start()) {
            SpApiClient client = client(simulator, CREDENTIALS);
            TransactionsQuery query = new TransactionsQuery(
                    clock.instant().minus(Duration.ofDays(1)), clock.instant().minus(Duration.ofMinutes(5)), null);
            client.listTransactions(query, null);
            // someone else with the same seller's token drains Amazon's bucket (burst 10 in the Finances model)
            HttpClient raw = HttpClient.newHttpClient();
            String token = lwaToken(raw, simulator);
            int ok = 0;
            int throttled = 0;
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> answer = raw.send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                                        + "/finances/2024-06-19/transactions?postedAfter=" + query.postedAfter()))
                                .header("x-amz-access-token", token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 429) {
                    throttled++;
                    assertThat(answer.body()).contains("\"code\":\"QuotaExceeded\"");
                } else {
                    ok++;
                }
            }
            assertThat(ok).isEqualTo(9);
            assertThat(throttled).isEqualTo(3);

            // as a job step: the 429 carries the wait, and the job's redelivery waits it out
            assertThat(job.call(() -> client.listTransactions(query, null)).transactions())
                    .isNotEmpty();
            assertThat(client.throttled())
                    .as("429 answers the client waited out")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void paymentMethodsAreAskedPerStoreAndTypeAsTheTransfersModelHasIt() throws Exception {
        try (SpApiSimulator simulator = simulator()) {
            SpApiClient client = client(simulator, CREDENTIALS);
            List<PaymentMethod> us = client.getPaymentMethods(new PaymentMethodsQuery("ATVPDKIKX0DER", List.of()));
            assertThat(us)
                    .extracting(PaymentMethod::paymentInstrumentType)
                    .containsExactly("BANK_ACCOUNT", "CARD", "SELLER_WALLET");
            assertThat(us.get(0)).satisfies(bank -> {
                assertThat(bank.assignmentType()).isEqualTo("DEFAULT_DEPOSIT_METHOD");
                assertThat(bank.defaultMarketplaces())
                        .as("the asked store, where it is the default")
                        .isEqualTo("ATVPDKIKX0DER");
                assertThat(bank.accountHolderName()).isEqualTo("Simulated Seller");
                assertThat(bank.expiryYear()).isNull();
            });
            assertThat(client.getPaymentMethods(
                            new PaymentMethodsQuery("ATVPDKIKX0DER", List.of("CARD", "SELLER_WALLET"))))
                    .extracting(method ->
                            method.paymentInstrumentType() + " " + method.expiryMonth() + "/" + method.expiryYear())
                    .containsExactly("CARD 3/2029", "SELLER_WALLET null/null");
            assertThatThrownBy(() -> client.call(SpApiOperation.getPaymentMethods, Map.of(), ""))
                    .isInstanceOf(SpApiException.class)
                    .hasMessageContaining("HTTP 400 InvalidInput")
                    .hasMessageContaining("marketplaceId");
            assertThatThrownBy(() -> new PaymentMethodsQuery("ATVPDKIKX0DER", List.of("CHEQUE")))
                    .hasMessageContaining("CHEQUE");
        }
    }

    private SpApiSimulator simulator() throws Exception {
        return SpApiSimulator.start(SpApiSimulatorOptions.of(0, clock).withCredentials(CREDENTIALS));
    }

    private SpApiClient client(SpApiSimulator simulator, LwaCredentials credentials) {
        return SignedClients.to(simulator, credentials, clock);
    }

    private static String lwaToken(HttpClient raw, SpApiSimulator simulator) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + CREDENTIALS.clientId() + "&client_secret="
                + CREDENTIALS.clientSecret() + "&refresh_token="
                + java.net.URLEncoder.encode(CREDENTIALS.refreshToken(), java.nio.charset.StandardCharsets.UTF_8);
        String answer = raw.send(
                        HttpRequest.newBuilder(simulator.lwaEndpoint())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return io.payreports.spapi.SpApiJson.read(answer, "lwa")
                .get("access_token")
                .asText();
    }
}
