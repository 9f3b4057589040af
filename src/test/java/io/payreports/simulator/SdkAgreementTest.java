package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.PemKeys;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official SDK's signer driving HTTP calls to the simulator gets the same answers as our
 * client for the same operations: both sides speak Amazon's protocol the same way.
 */
class SdkAgreementTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String ORDERS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private AmazonPaySimulator simulator;
    private AmazonPayClient ours;
    private SdkSignedRequests sdk;

    @BeforeEach
    void start() throws Exception {
        simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, "LIVE-AGREE", KEYS.getPublic(), clock));
        ours = SignedClients.to(simulator, "LIVE-AGREE", KEYS.getPrivate(), clock);
        sdk = new SdkSignedRequests("LIVE-AGREE", KEYS.getPrivate());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void everyReadOperationAnswersTheSameToBoth() throws Exception {
        Map<String, String> reports = Map.of(
                "reportTypes", SdkSignedRequests.SETTLEMENT, "pageSize", "5", "createdSince", "20260901T000000Z");
        assertSame("GET", "/reports", reports);
        String reportId = JSON.readTree(ours.call("getReports", "GET", "/reports", reports, ""))
                .path("reports")
                .get(0)
                .path("reportId")
                .asText();
        assertSame("GET", "/reports/" + reportId, Map.of());
        assertSame(
                "GET",
                "/disbursements",
                Map.of("startTime", "20260901T000000Z", "endTime", "20261120T000000Z", "pageSize", "3"));
        ours.createReportSchedule(ORDERS, "P1D", clock.instant().plusSeconds(60), false, "schedule-1");
        assertSame("GET", "/report-schedules", Map.of("reportTypes", ORDERS));
    }

    @Test
    void createReportWithTheSameIdempotencyKeyIsOneReportWhoeverSignsIt() throws Exception {
        String body = "{\"reportType\":\"" + ORDERS
                + "\",\"startTime\":\"20261101T000000Z\",\"endTime\":\"20261102T000000Z\"}";
        HttpResponse<String> bySdk = sdk.send(
                simulator.baseUrl(),
                "POST",
                "/v2/reports",
                Map.of(),
                body,
                Map.of("x-amz-pay-idempotency-key", "SAME-KEY"));
        assertThat(bySdk.statusCode()).as(bySdk.body()).isEqualTo(201);

        String byUs = ours.call("createReport", "POST", "/reports", Map.of(), body, "SAME-KEY");
        assertThat(JSON.readTree(byUs)).isEqualTo(JSON.readTree(bySdk.body()));
    }

    private void assertSame(String method, String path, Map<String, String> query) throws Exception {
        // a LIVE- key: the SDK calls /v2/… (Util#getServiceURI), and its list calls end in a slash
        String sdkPath = "/v2" + path + (query.isEmpty() ? "" : "/");
        HttpResponse<String> bySdk = sdk.send(simulator.baseUrl(), method, sdkPath, query, "", Map.of());
        assertThat(bySdk.statusCode()).as(path + ": " + bySdk.body()).isEqualTo(200);
        JsonNode byUs = JSON.readTree(ours.call(path, method, path, query, ""));
        assertThat(JSON.readTree(bySdk.body())).as(path).isEqualTo(byUs);
    }
}
