package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.amazonpay.AmazonPayApiException;
import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.Disbursement;
import io.payreports.amazonpay.DisbursementsPage;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.Report;
import io.payreports.amazonpay.ReportSchedule;
import io.payreports.config.RuntimeClock;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write operations and disbursements of the Amazon Pay reports API reference, through our signed client against the simulator. */
class AmazonPayOperationsTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";
    private static final String ORDER_REFERENCE = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private AmazonPaySimulator simulator;
    private AmazonPayClient client;

    @BeforeEach
    void start() throws Exception {
        simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, "KEY", KEYS.getPublic(), clock));
        client = SignedClients.to(simulator, "KEY", KEYS.getPrivate(), clock);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aRequestedReportIsProcessedThenDownloadableAndTheIdempotencyKeyPreventsASecondOne() throws Exception {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-08T00:00:00Z");
        String key = AmazonPayClient.newIdempotencyKey();
        String reportId = client.createReport(SANDBOX_SETTLEMENT, from, to, key);
        assertThat(client.createReport(SANDBOX_SETTLEMENT, from, to, key))
                .as("a retry with the same key")
                .isEqualTo(reportId);
        assertThat(client.getReportById(reportId).processingStatus()).isEqualTo(Report.ProcessingStatus.IN_PROGRESS);

        clock.advance(Duration.ofSeconds(4));
        Report done = client.getReportById(reportId);
        assertThat(done.processingStatus()).isEqualTo(Report.ProcessingStatus.COMPLETED);
        assertThat(done.startTime()).isEqualTo(from);
        try (InputStream document = client.openDownload(client.getReportDocument(done.reportDocumentId()))
                .body()) {
            assertThat(new String(document.readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("\"SellerId\"");
        }
    }

    @Test
    void settlementReportsCannotBeRequestedAndBadDatesAreNamed() {
        assertThatThrownBy(() -> client.createReport(
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                        Instant.EPOCH,
                        RuntimeClock.get().instant(),
                        "k1"))
                .isInstanceOfSatisfying(AmazonPayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reasonCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThatThrownBy(() -> client.call(
                        "createReport",
                        "POST",
                        "/reports",
                        Map.of(),
                        "{\"reportType\":\"" + ORDER_REFERENCE
                                + "\",\"startTime\":\"yesterday\",\"endTime\":\"2022-08-04T23-59-59Z\"}"))
                .hasMessageContaining("startTime: not an ISO 8601 date-time: 'yesterday'");
    }

    @Test
    void theSeedsDashedTimeFormatIsAccepted() {
        String answer = client.call(
                "createReport",
                "POST",
                "/reports",
                Map.of(),
                "{\"reportType\":\"" + ORDER_REFERENCE
                        + "\",\"startTime\":\"2022-08-04T00-00-00Z\",\"endTime\":\"2022-08-04T23-59-59Z\"}");
        assertThat(answer).contains("\"reportId\"");
    }

    @Test
    void oneSchedulePerReportTypeReplacedOnlyWhenAskedAndCancelled() {
        Instant next = Instant.parse("2026-11-21T00:00:00Z");
        String first = client.createReportSchedule(ORDER_REFERENCE, "P1D", next, false, "s1");
        assertThat(client.getReportScheduleById(first))
                .isEqualTo(new ReportSchedule(first, ORDER_REFERENCE, "P1D", next));

        assertThatThrownBy(() -> client.createReportSchedule(ORDER_REFERENCE, "P7D", next, false, "s2"))
                .isInstanceOfSatisfying(
                        AmazonPayApiException.class,
                        e -> assertThat(e.getMessage()).contains("deleteExistingSchedule"));
        String second = client.createReportSchedule(ORDER_REFERENCE, "P7D", next, true, "s3");
        assertThat(client.getReportSchedules(List.of(ORDER_REFERENCE)))
                .extracting(ReportSchedule::reportScheduleId)
                .containsExactly(second);

        client.cancelReportSchedule(second);
        assertThat(client.getReportSchedules(List.of())).isEmpty();
        assertThatThrownBy(() -> client.getReportScheduleById(second))
                .isInstanceOfSatisfying(
                        AmazonPayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.createReportSchedule(SANDBOX_SETTLEMENT, "P1D", next, false, "s4"))
                .hasMessageContaining("cannot be scheduled");
        assertThatThrownBy(() -> client.createReportSchedule(ORDER_REFERENCE, "P6D", next, false, "s5"))
                .hasMessageContaining("scheduleFrequency P6D");
    }

    @Test
    void disbursementsPayOutWhatTheSettlementsNetted() {
        List<Disbursement> disbursements = client.getDisbursements(
                        clock.instant().minus(Duration.ofDays(90)), clock.instant(), null, null)
                .disbursements();

        List<SettlementReportGenerator.Settlement> plan =
                SettlementReportGenerator.plan(SimulatorOptions.DEFAULT_SEED, clock.instant(), 90);
        assertThat(disbursements).hasSize(plan.size());
        BigDecimal expectedUsd = plan.stream()
                .filter(s -> s.currency().equals("USD"))
                .map(SettlementReportGenerator::disbursement)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal usd = disbursements.stream()
                .filter(d -> d.currencyCode().equals("USD"))
                .map(Disbursement::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(usd).isEqualByComparingTo(expectedUsd);
        assertThat(disbursements).allSatisfy(d -> assertThat(d.amount().scale()).isEqualTo(2));

        List<Disbursement> paged = new java.util.ArrayList<>();
        DisbursementsPage page =
                client.getDisbursements(clock.instant().minus(Duration.ofDays(90)), clock.instant(), 5, null);
        paged.addAll(page.disbursements());
        while (page.nextToken() != null) {
            page = client.getDisbursements(
                    clock.instant().minus(Duration.ofDays(90)), clock.instant(), null, page.nextToken());
            paged.addAll(page.disbursements());
        }
        assertThat(paged).isEqualTo(disbursements);
    }

    @Test
    void withTheFailedReportsFaultARequestedReportEndsFailed() throws Exception {
        try (AmazonPaySimulator failing = AmazonPaySimulator.start(
                SimulatorOptions.of(0, "KEY", KEYS.getPublic(), clock).withFaults(Faults.parse("failed-reports", 1)))) {
            AmazonPayClient other = SignedClients.to(failing, "KEY", KEYS.getPrivate(), clock);
            String id = other.createReport(
                    ORDER_REFERENCE,
                    Instant.parse("2026-11-01T00:00:00Z"),
                    Instant.parse("2026-11-02T00:00:00Z"),
                    "f1");
            clock.advance(Duration.ofSeconds(4));
            assertThat(other.getReportById(id).processingStatus()).isEqualTo(Report.ProcessingStatus.FAILED);
        }
    }
}
