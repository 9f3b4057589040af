package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.payreports.amazonpay.AmazonPayApiException;
import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.Disbursement;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.Report;
import io.payreports.amazonpay.ReportQuery;
import io.payreports.mws.MwsApiException;
import io.payreports.mws.MwsClient;
import io.payreports.mws.MwsConfig;
import io.payreports.mws.MwsReport;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.LwaException;
import io.payreports.spapi.PaymentMethod;
import io.payreports.spapi.PaymentMethodsQuery;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.Transaction;
import io.payreports.spapi.TransactionsQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One simulator process serving three merchant accounts (NA, EU, JP): each verified against its own credentials, each
 * seeing only its own data, in its region's currency; and a way to make two accounts' report ids collide.
 */
class SeveralAccountsTest {

    private static final String SETTLEMENT = SimulatedReport.SETTLEMENT;
    private static final SimulatedMerchant NA = SimulatedMerchant.generate("na", SimulatedMerchant.Region.NA);
    private static final SimulatedMerchant EU = SimulatedMerchant.generate("eu", SimulatedMerchant.Region.EU);
    private static final SimulatedMerchant JP = SimulatedMerchant.generate("jp", SimulatedMerchant.Region.JP);
    private static final List<SimulatedMerchant> ACCOUNTS = List.of(NA, EU, JP);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void eachAmazonPayAccountSeesOnlyItsOwnSettlementsInItsRegionsCurrency() throws Exception {
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, ACCOUNTS, clock))) {
            List<Set<String>> reportIds = new ArrayList<>();
            for (SimulatedMerchant account : ACCOUNTS) {
                AmazonPayClient client =
                        amazonPay(simulator, account, account.amazonPayKeys().getPrivate());
                List<Report> reports = settlements(client);
                assertThat(reports).as(account.name()).isNotEmpty();
                reportIds.add(reports.stream().map(Report::reportId).collect(Collectors.toSet()));

                List<CsvRecord> rows = rows(client, reports.get(0));
                String currency = account.region().currency();
                assertThat(rows)
                        .as(account.name())
                        .allSatisfy(row -> assertThat(row.getField(8)).isEqualTo(currency));
                List<Disbursement> paid = client.getDisbursements(
                                clock.instant().minus(Duration.ofDays(90)), clock.instant(), 100, null)
                        .disbursements();
                assertThat(paid).isNotEmpty().allSatisfy(disbursement -> {
                    assertThat(disbursement.currencyCode()).isEqualTo(currency);
                    assertThat(disbursement.sellerId()).isEqualTo(rowsSellerId(client, reports.get(0)));
                });
                if (account == JP) {
                    // yen have no minor unit: every amount column holds whole yen
                    assertThat(rows)
                            .flatExtracting(row -> row.getFields().subList(10, 15))
                            .allSatisfy(amount -> assertThat(amount).matches("-?[0-9]{1,3}(,[0-9]{3})*"));
                    assertThat(paid)
                            .allSatisfy(disbursement ->
                                    assertThat(disbursement.amount().scale()).isZero());
                } else {
                    assertThat(rows.get(0).getField(10)).matches("-?[0-9,]+\\.[0-9]{2}");
                }
            }
            assertThat(reportIds.get(0)).doesNotContainAnyElementsOf(reportIds.get(1));
            assertThat(reportIds.get(1)).doesNotContainAnyElementsOf(reportIds.get(2));

            // another account's report and document are not there for this one
            AmazonPayClient eu = amazonPay(simulator, EU, EU.amazonPayKeys().getPrivate());
            Report naReport = settlements(
                            amazonPay(simulator, NA, NA.amazonPayKeys().getPrivate()))
                    .get(0);
            assertThatThrownBy(() -> eu.getReportById(naReport.reportId()))
                    .isInstanceOfSatisfying(
                            AmazonPayApiException.class,
                            e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> eu.getReportDocument(naReport.reportDocumentId()))
                    .isInstanceOfSatisfying(
                            AmazonPayApiException.class,
                            e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void aRequestSignedWithAnotherAccountsKeyOrUnderAnUnknownKeyIdIsRefusedAsAmazonDoes() throws Exception {
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, ACCOUNTS, clock))) {
            PrivateKey naKey = NA.amazonPayKeys().getPrivate();
            assertThatThrownBy(() -> settlements(amazonPay(simulator, EU, naKey)))
                    .isInstanceOfSatisfying(AmazonPayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.reasonCode()).isEqualTo("InvalidRequestSignature");
                    });
            assertThatThrownBy(() -> settlements(SignedClients.to(simulator, "UNKNOWNKEYID", naKey, clock)))
                    .isInstanceOfSatisfying(AmazonPayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.reasonCode()).isEqualTo("UnauthorizedAccess");
                    });
        }
    }

    @Test
    void requestedReportsAndSchedulesBelongToTheAccountThatMadeThem() throws Exception {
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, ACCOUNTS, clock))) {
            AmazonPayClient na = amazonPay(simulator, NA, NA.amazonPayKeys().getPrivate());
            AmazonPayClient eu = amazonPay(simulator, EU, EU.amazonPayKeys().getPrivate());
            String orderReference = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_";
            // each account numbers its requested reports from the same start, as two real accounts may
            Instant from = clock.instant().minus(Duration.ofDays(2));
            String naId = na.createReport(orderReference, from, clock.instant(), "k1");
            String euId = eu.createReport(orderReference, from, clock.instant(), "k1");
            assertThat(euId).isEqualTo(naId);
            assertThat(na.getReportById(naId).reportType()).isEqualTo(orderReference);

            na.createReportSchedule(orderReference, "P1D", clock.instant().plus(Duration.ofDays(1)), false, "s1");
            assertThat(na.getReportSchedules(List.of())).hasSize(1);
            assertThat(eu.getReportSchedules(List.of())).isEmpty();
        }
    }

    @Test
    void anAccountTakingAnothersReportIdsServesCollidingIdsWithItsOwnContent() throws Exception {
        SimulatedMerchant twin = SimulatedMerchant.generate("na-two", SimulatedMerchant.Region.NA)
                .withReportIdsOf("na");
        try (AmazonPaySimulator simulator =
                AmazonPaySimulator.start(SimulatorOptions.of(0, List.of(NA, twin), clock))) {
            AmazonPayClient na = amazonPay(simulator, NA, NA.amazonPayKeys().getPrivate());
            AmazonPayClient two =
                    amazonPay(simulator, twin, twin.amazonPayKeys().getPrivate());
            List<Report> naReports = settlements(na);
            List<Report> twoReports = settlements(two);

            assertThat(twoReports)
                    .extracting(Report::reportId)
                    .isEqualTo(naReports.stream().map(Report::reportId).toList());
            assertThat(text(two, twoReports.get(0))).isNotEqualTo(text(na, naReports.get(0)));
        }
    }

    @Test
    void eachLwaRefreshTokenSeesItsAccountsTransactionsPaymentMethodsAndPayouts() throws Exception {
        SimulatedMerchant naTwo = SimulatedMerchant.generate("na-two", SimulatedMerchant.Region.NA);
        List<SimulatedMerchant> accounts = List.of(NA, EU, JP, naTwo);
        try (SpApiSimulator simulator =
                SpApiSimulator.start(SpApiSimulatorOptions.of(0, clock).withMerchants(accounts))) {
            for (SimulatedMerchant account : accounts) {
                List<Transaction> transactions = spApi(simulator, account.lwa())
                        .listTransactions(
                                new TransactionsQuery(
                                        clock.instant().minus(Duration.ofDays(20)),
                                        clock.instant().minus(Duration.ofMinutes(5)),
                                        null),
                                null)
                        .transactions();
                assertThat(transactions).as(account.name()).isNotEmpty().allSatisfy(transaction -> {
                    assertThat(transaction.sellingPartnerId()).isEqualTo(account.mwsSellerId());
                    assertThat(transaction.marketplaceId())
                            .isEqualTo(account.region().marketplaceId());
                    assertThat(transaction.totalCurrency())
                            .isEqualTo(account.region().currency());
                });
                if (account == JP) {
                    assertThat(transactions)
                            .allSatisfy(transaction -> assertThat(
                                            transaction.totalAmount().scale())
                                    .isZero());
                }
                assertThat(simulator.transactionsBetween(
                                account.name(),
                                clock.instant().minus(Duration.ofDays(20)),
                                clock.instant().minus(Duration.ofMinutes(5))))
                        .isEqualTo(transactions.size());
            }

            List<PaymentMethod> naMethods =
                    spApi(simulator, NA.lwa()).getPaymentMethods(new PaymentMethodsQuery("ATVPDKIKX0DER", List.of()));
            List<PaymentMethod> twoMethods = spApi(simulator, naTwo.lwa())
                    .getPaymentMethods(new PaymentMethodsQuery("ATVPDKIKX0DER", List.of()));
            assertThat(naMethods).isNotEmpty();
            assertThat(twoMethods)
                    .extracting(PaymentMethod::paymentInstrumentId)
                    .doesNotContainAnyElementsOf(naMethods.stream()
                            .map(PaymentMethod::paymentInstrumentId)
                            .toList());

            // one on-demand payout a day per marketplace and account type: per account
            spApi(simulator, NA.lwa()).initiatePayout("ATVPDKIKX0DER", "Standard Orders");
            spApi(simulator, naTwo.lwa()).initiatePayout("ATVPDKIKX0DER", "Standard Orders");
        }
    }

    @Test
    void lwaRefusesARefreshTokenOfAnotherAccountsClient() throws Exception {
        try (SpApiSimulator simulator =
                SpApiSimulator.start(SpApiSimulatorOptions.of(0, clock).withMerchants(ACCOUNTS))) {
            LwaCredentials mixed = new LwaCredentials(
                    NA.lwa().clientId(), NA.lwa().clientSecret(), EU.lwa().refreshToken());
            assertThatThrownBy(() -> spApi(simulator, mixed)
                            .getPaymentMethods(new PaymentMethodsQuery("ATVPDKIKX0DER", List.of())))
                    .isInstanceOf(LwaException.class)
                    .hasMessageContaining("invalid_grant");
            LwaCredentials unknown = new LwaCredentials("amzn1.application-oa2-client.other", "secret", "Atzr|x");
            assertThatThrownBy(() -> spApi(simulator, unknown)
                            .getPaymentMethods(new PaymentMethodsQuery("ATVPDKIKX0DER", List.of())))
                    .isInstanceOf(LwaException.class)
                    .hasMessageContaining("invalid_client");
        }
    }

    @Test
    void eachMwsAccountSignsWithItsOwnSecretAndSeesItsOwnReports() throws Exception {
        try (MwsSimulator simulator = MwsSimulator.start(MwsSimulator.Options.of(0, ACCOUNTS, clock))) {
            List<String> types = List.of(SETTLEMENT);
            for (SimulatedMerchant account : ACCOUNTS) {
                MwsClient client = mws(simulator, account, account.mwsSecretKey(), account.mwsSellerId());
                List<MwsReport> reports =
                        client.generatedReports(types, clock.instant().minus(Duration.ofDays(90)), clock.instant());
                MwsReport first = reports.stream()
                        .filter(report -> !report.hasNoData())
                        .findFirst()
                        .orElseThrow();
                try (InputStream body = client.report(first.reportId())) {
                    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(text)
                            .as(account.name())
                            .contains("\"" + account.region().currency() + "\"");
                }
            }

            // report ids are each account's own sequence: acknowledging in one leaves the other's as they were
            MwsClient na = mws(simulator, NA, NA.mwsSecretKey(), NA.mwsSellerId());
            MwsClient eu = mws(simulator, EU, EU.mwsSecretKey(), EU.mwsSellerId());
            Set<String> euOpen = eu.unacknowledged(types);
            na.acknowledge(List.copyOf(na.unacknowledged(types)));
            assertThat(na.unacknowledged(types)).isEmpty();
            assertThat(eu.unacknowledged(types)).isEqualTo(euOpen);

            assertThatThrownBy(() -> mws(simulator, NA, EU.mwsSecretKey(), NA.mwsSellerId())
                            .unacknowledged(types))
                    .isInstanceOfSatisfying(
                            MwsApiException.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
            assertThatThrownBy(() -> mws(simulator, NA, NA.mwsSecretKey(), EU.mwsSellerId())
                            .unacknowledged(types))
                    .isInstanceOfSatisfying(
                            MwsApiException.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void theSimulatorsOneMerchantIsServedAsBeforeWhenNoAccountsAreNamed() throws Exception {
        var keys = PemKeys.generateRsaKeyPair();
        try (AmazonPaySimulator simulator =
                AmazonPaySimulator.start(SimulatorOptions.of(0, "LIVE-ONE", keys.getPublic(), clock))) {
            AmazonPayClient client = SignedClients.to(simulator, "LIVE-ONE", keys.getPrivate(), clock);
            assertThat(settlements(client))
                    .extracting(Report::reportId)
                    .containsExactlyInAnyOrderElementsOf(
                            SettlementReportGenerator.plan(SimulatorOptions.DEFAULT_SEED, clock.instant(), 90).stream()
                                    .map(SettlementReportGenerator.Settlement::reportId)
                                    .toList());
            // a named account's key is not the one merchant's
            assertThatThrownBy(() -> settlements(
                            amazonPay(simulator, NA, NA.amazonPayKeys().getPrivate())))
                    .isInstanceOfSatisfying(
                            AmazonPayApiException.class,
                            e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    private AmazonPayClient amazonPay(AmazonPaySimulator simulator, SimulatedMerchant account, PrivateKey key) {
        return SignedClients.to(simulator, account.publicKeyId(), key, clock);
    }

    private List<Report> settlements(AmazonPayClient client) {
        return client.listReports(new ReportQuery(
                List.of(SETTLEMENT), List.of(), clock.instant().minus(Duration.ofDays(90)), clock.instant(), 100));
    }

    private static String text(AmazonPayClient client, Report report) throws IOException {
        try (InputStream body = client.openDownload(client.getReportDocument(report.reportDocumentId()))
                .body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The body rows of a settlement report (after its header block and column line). */
    private static List<CsvRecord> rows(AmazonPayClient client, Report report) throws IOException {
        List<CsvRecord> all;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text(client, report))) {
            all = reader.stream().toList();
        }
        int columns = 0;
        while (!all.get(columns).getField(0).equals("TransactionPostedDate")) {
            columns++;
        }
        return all.subList(columns + 1, all.size());
    }

    private static String rowsSellerId(AmazonPayClient client, Report report) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text(client, report))) {
            return reader.stream().skip(1).findFirst().orElseThrow().getField(0);
        }
    }

    private SpApiClient spApi(SpApiSimulator simulator, LwaCredentials credentials) {
        return SignedClients.to(simulator, credentials, clock);
    }

    private MwsClient mws(MwsSimulator simulator, SimulatedMerchant account, String secret, String sellerId) {
        return new MwsClient(
                new MwsConfig(
                        simulator.baseUrl(),
                        account.mwsAccessKeyId(),
                        secret,
                        sellerId,
                        Optional.empty(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30)),
                clock);
    }
}
