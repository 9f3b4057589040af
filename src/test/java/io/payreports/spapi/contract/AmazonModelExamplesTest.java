package io.payreports.spapi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.config.PayreportsApplication;
import io.payreports.config.RuntimeClock;
import io.payreports.config.SpApiJobConfig;
import io.payreports.jobs.JobRun;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.PaymentMethod;
import io.payreports.spapi.PaymentMethodsQuery;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.SpApiConfig;
import io.payreports.spapi.Transaction;
import io.payreports.spapi.TransactionsPage;
import io.payreports.spapi.TransactionsQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amazon's own answers, not our simulator's: the Finances and Transfers models' sandbox answers and
 * examples, served verbatim by {@link ModelExamplesServer}, through the client and through the
 * shipped jobs (docs/jobs) run once as an operator runs them. Every request the client sent must
 * conform to the model, and page 2 must repeat page 1's filters.
 */
class AmazonModelExamplesTest {

    private static final LwaCredentials CREDENTIALS =
            new LwaCredentials("amzn1.application-oa2-client.models", "models-Secret-1234", "Atzr|models-Token-5678");
    /** The Transaction example's transactionId; the sandbox transaction has none. */
    private static final String EXAMPLE_ID = "b1qD0oAliFkLiqRyGbmeT0DoS2Z2kHzi7TZ92z-vARI";

    @TempDir
    Path dir;

    private ModelExamplesServer amazon;

    @BeforeEach
    void start() throws IOException {
        amazon = new ModelExamplesServer();
    }

    @AfterEach
    void stop() {
        amazon.close();
        assertThat(amazon.received())
                .as("every request conforms to Amazon's model")
                .allSatisfy(request -> assertThat(request.violations()).isEmpty());
    }

    @Test
    void theClientReadsTheSandboxPageAndTheExamplePageWithTheSameFilters() {
        Instant now = Instant.parse("2026-06-15T12:00:00Z");
        SpApiClient client = client(Clock.fixed(now, ZoneOffset.UTC));
        TransactionsQuery query = new TransactionsQuery(
                now.minus(Duration.ofDays(3)).plusNanos(843_885_452),
                now.minus(Duration.ofMinutes(3)),
                "ATVPDKIKX0DER");

        TransactionsPage page1 = client.listTransactions(query, null);
        TransactionsPage page2 = client.listTransactions(query, page1.nextToken());

        assertThat(page1.nextToken()).isEqualTo("Next token value");
        assertThat(page1.transactions()).singleElement().satisfies(sandbox -> {
            assertThat(sandbox.transactionId()).startsWith(Transaction.SURROGATE_PREFIX);
            assertThat(sandbox.totalAmount()).isEqualByComparingTo("10");
            assertThat(sandbox.marketplaceId())
                    .as("from sellingPartnerMetadata")
                    .isEqualTo("ATIV93840DER");
        });
        assertThat(page2.hasNext()).isFalse();
        assertThat(page2.transactions())
                .singleElement()
                .satisfies(example -> assertThat(example.transactionId()).isEqualTo(EXAMPLE_ID));
        List<ModelExamplesServer.Received> requests = amazon.received();
        assertThat(requests.get(0).query()).containsEntry("postedAfter", List.of("2026-06-12T12:00:00Z"));
        assertThat(requests.get(1).query())
                .as("page 2: the same filters and the token")
                .containsAllEntriesOf(requests.get(0).query())
                .containsEntry("nextToken", List.of("Next token value"));
    }

    @Test
    void theTransactionsJobDeliversTheSandboxAndTheExampleTransactionOnceAndAsksPage2WithTheSameFilters()
            throws Exception {
        Path config = config();
        try (PayreportsApplication application =
                PayreportsApplication.create(config, Optional.of(routes("spapi-transactions.yaml")))) {
            application.start();
            JobRun first = runOnce(application, 1);

            assertThat(first.succeeded()).as(first.summaryLine()).isTrue();
            assertThat(first.records())
                    .as("two transactions and the example's two breakdown lines")
                    .isEqualTo(4);
            assertThat(transactionIds())
                    .hasSize(2)
                    .contains(EXAMPLE_ID)
                    .anyMatch(id -> id.startsWith(Transaction.SURROGATE_PREFIX));
            assertThat(breakdownPaths())
                    .as("the example's breakdowns object, its list unwrapped")
                    .containsExactly("Sales", "Sales/Product Charges");
            assertThat(watermarkRows()).isEqualTo(1);
            List<ModelExamplesServer.Received> requests = amazon.received();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).query())
                    .containsAllEntriesOf(requests.get(0).query())
                    .containsEntry("nextToken", List.of("Next token value"));
            assertThat(requests.get(0).query().get("postedAfter").get(0))
                    .as("whole seconds")
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

            // Amazon answers the same again: the surrogate key is stable, so the rows are the same rows
            JobRun second = runOnce(application, 2);
            assertThat(second.succeeded()).as(second.summaryLine()).isTrue();
            assertThat(transactionIds()).hasSize(2);
        }
    }

    @Test
    void anAnswerWithoutTransactionsFailsTheWindowByNameAndTheWatermarkStays() throws Exception {
        amazon.answer("/finances/2024-06-19/transactions", "{\"payload\":{\"nextToken\":null}}");
        try (PayreportsApplication application =
                PayreportsApplication.create(config(), Optional.of(routes("spapi-transactions.yaml")))) {
            application.start();
            JobRun run = runOnce(application, 1);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.records()).isZero();
            assertThat(watermarkRows())
                    .as("no watermark moved past data never read")
                    .isZero();
            assertThat(deadLetters())
                    .contains(
                            "listTransactions answered in a shape payreports does not recognise:"
                                    + " no 'transactions' array, neither in 'payload' nor at the top level (top-level fields: [payload])");
        }
    }

    @Test
    void thePaymentMethodsJobDeliversTheModelsExamplePaymentMethods() throws Exception {
        try (PayreportsApplication application =
                PayreportsApplication.create(config(), Optional.of(routes("spapi-payment-methods.yaml")))) {
            application.start();
            JobRun run = runOnce(application, 1);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.records()).isEqualTo(2);
            assertThat(
                            rows(
                                    "SELECT \"PAYMENT_INSTRUMENT_TYPE\" || ' ' || \"TAIL\" || ' ' || \"ACCOUNT_HOLDER_NAME\" || ' ' || COALESCE(\"ASSIGNMENT_TYPE\", '-')"
                                            + " || ' ' || COALESCE(\"EXPIRY_MONTH\" || '/' || \"EXPIRY_YEAR\", '-') FROM \"SPAPI_PAYMENT_METHOD\" ORDER BY 1"))
                    .containsExactly(
                            "BANK_ACCOUNT 677 John Doe DEFAULT_DEPOSIT_METHOD -", "CARD 677 John Doe - 3/2029");
        }
        assertThat(amazon.received()).singleElement().satisfies(request -> {
            assertThat(request.method() + " " + request.path())
                    .isEqualTo("GET /finances/transfers/2024-06-01/paymentMethods");
            assertThat(request.query()).containsEntry("marketplaceId", List.of("ATVPDKIKX0DER"));
        });
    }

    @Test
    void anAnswerWithoutPaymentMethodsFailsTheRunByName() throws Exception {
        amazon.answer("/finances/transfers/2024-06-01/paymentMethods", "{\"payload\":[]}");
        try (PayreportsApplication application =
                PayreportsApplication.create(config(), Optional.of(routes("spapi-payment-methods.yaml")))) {
            application.start();
            JobRun run = runOnce(application, 1);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.records()).isZero();
            assertThat(run.failure())
                    .contains(
                            "getPaymentMethods answered in a shape payreports does not recognise: no 'paymentMethods' array"
                                    + " (top-level fields: [payload])");
        }
    }

    @Test
    void theClientReadsTheTransfersExampleDirectly() {
        List<PaymentMethod> methods = client(RuntimeClock.get())
                .getPaymentMethods(new PaymentMethodsQuery("ATVPDKIKX0DER", List.of("BANK_ACCOUNT", "CARD")));
        assertThat(methods)
                .extracting(PaymentMethod::paymentInstrumentId)
                .containsOnly("0h_TU_CUS_4058fe2a-da6b-4b82-8e48-b20ff2eb4f6d")
                .hasSize(2);
        assertThat(amazon.received().get(0).query()).containsEntry("paymentMethodTypes", List.of("BANK_ACCOUNT,CARD"));
    }

    @Test
    void theValidatorRejectsWhatBreaksTheModel() {
        assertThat(SpApiModels.requestViolations(
                        "POST", "/finances/transfers/2024-06-01/paymentmethods", null, "application/json", "{}"))
                .as("the older reference page's request")
                .isNotEmpty();
        assertThat(SpApiModels.requestViolations(
                        "GET", "/finances/transfers/2024-06-01/paymentMethods", null, null, null))
                .as("marketplaceId is required")
                .anyMatch(violation -> violation.contains("marketplaceId"));
        assertThat(SpApiModels.responseViolations(
                        "GET",
                        "/finances/2024-06-19/transactions",
                        200,
                        "application/json",
                        "{\"payload\":{\"transactions\":{\"transactionId\":\"x\"}}}"))
                .isNotEmpty();
        assertThatThrownBy(() -> new ModelValidatingCheck()
                        .check(new io.payreports.simulator.SpApiExchangeCheck.Exchange(
                                "GET",
                                "/finances/2024-06-19/transactions",
                                "postedAfter=2026-06-01T00:00:00Z",
                                java.util.Map.of(),
                                "",
                                200,
                                java.util.Map.of("Content-Type", List.of("application/json")),
                                "{\"payload\":{\"transactions\":\"none\"}}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks Amazon's model");
        assertThat(ModelValidatingCheck.takeViolations())
                .as("recorded for ModelViolationsExtension, taken here on purpose")
                .hasSize(1);
    }

    private SpApiClient client(Clock clock) {
        return new SpApiClient(
                new SpApiConfig(
                        amazon.baseUrl(),
                        amazon.baseUrl().resolve("/auth/o2/token"),
                        CREDENTIALS,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30)),
                clock);
    }

    private static JobRun runOnce(PayreportsApplication application, int runs) throws Exception {
        assertThat(application.triggerAllJobs()).isEqualTo(1);
        assertThat(application.jobRuns().awaitFinished(runs, Duration.ofSeconds(120)))
                .isTrue();
        return application.jobRuns().finished().get(runs - 1);
    }

    private Path routes(String jobFile) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("docs/jobs", jobFile), routes.resolve(jobFile));
        return routes;
    }

    private Path config() throws IOException {
        // one window of 10 days: the sandbox answer is the same for any window
        return SpApiJobConfig.write(dir, amazon.baseUrl(), amazon.baseUrl().resolve("/auth/o2/token"), CREDENTIALS, 10);
    }

    private List<String> transactionIds() throws SQLException {
        return rows("SELECT \"TRANSACTION_ID\" FROM \"SPAPI_TRANSACTION\" ORDER BY 1");
    }

    private List<String> breakdownPaths() throws SQLException {
        return rows("SELECT \"PATH\" FROM \"SPAPI_TRANSACTION_BREAKDOWN\" ORDER BY \"LINE_NUMBER\"");
    }

    private long watermarkRows() throws SQLException {
        return Long.parseLong(rows("SELECT COUNT(*) FROM payreports_watermark WHERE job_id = 'spapi-transactions'")
                .get(0));
    }

    private List<String> rows(String sql) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("data/state"));
        List<String> values = new ArrayList<>();
        try (Connection connection = h2.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private String deadLetters() throws IOException {
        Path deadLetters = dir.resolve("out/dead-letter");
        if (!Files.isDirectory(deadLetters)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(deadLetters)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file)).append('\n');
            }
            return text.toString();
        }
    }
}
