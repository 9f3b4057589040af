package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazon.pay.api.SignatureHelper;
import io.payreports.amazonpay.AmazonPayApiException;
import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.Report;
import io.payreports.amazonpay.ReportDocument;
import io.payreports.amazonpay.ReportDownloadException;
import io.payreports.amazonpay.ReportQuery;
import io.payreports.amazonpay.ReportsPage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator behind real signed HTTP: requests signed by the official Amazon Pay SDK pass its
 * verifier, a changed character does not; our signer's requests verify with an independent
 * check built on the SDK's canonical request; paging, documents and their 30 s lifetime.
 */
class AmazonPaySimulatorTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String KEY_ID = "LIVE-TESTKEY";
    private static final String SETTLEMENT = SdkSignedRequests.SETTLEMENT;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private AmazonPaySimulator simulator;
    private AmazonPayClient client;

    @BeforeEach
    void start() throws Exception {
        simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), clock));
        client = SignedClients.to(simulator, KEY_ID, KEYS.getPrivate(), clock);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aRequestSignedByTheOfficialSdkIsAcceptedAndOneChangedCharacterIsNot() throws Exception {
        SdkSignedRequests sdk = new SdkSignedRequests(KEY_ID, KEYS.getPrivate());

        HttpResponse<String> accepted = sdk.getReports(simulator.baseUrl(), false);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"reports\"", SETTLEMENT);

        HttpResponse<String> rejected = sdk.getReports(simulator.baseUrl(), true);
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.body()).contains("\"reasonCode\":\"InvalidRequestSignature\"");
    }

    @Test
    void theSdksDefaultAlgorithmAndItsTrailingSlashAreAcceptedToo() throws Exception {
        HttpResponse<String> response = new SdkSignedRequests(KEY_ID, KEYS.getPrivate(), "AMZN-PAY-RSASSA-PSS")
                .send(simulator.baseUrl(), "GET", "/live/v2/reports/", Map.of("pageSize", "2"), "", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"nextToken\"");
    }

    @Test
    void aKeyIdWithItsEnvironmentUsesThePathWithoutOne() throws Exception {
        KeyPair sandboxKeys = PemKeys.generateRsaKeyPair();
        try (AmazonPaySimulator sandbox =
                AmazonPaySimulator.start(SimulatorOptions.of(0, "SANDBOX-TESTKEY", sandboxKeys.getPublic(), clock))) {
            HttpResponse<String> response = new SdkSignedRequests("SANDBOX-TESTKEY", sandboxKeys.getPrivate())
                    .getReports(sandbox.baseUrl(), "/v2/reports", false);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            // sandbox serves only the sandbox settlement report type (Amazon Pay report download guide), so this filter
            // matches nothing
            assertThat(response.body()).isEqualTo("{\"reports\":[]}");
        }
    }

    @Test
    void ourSignatureVerifiesWithAnIndependentCheckOnTheSdksCanonicalRequest() throws Exception {
        URI uri = URI.create(
                "https://pay-api.amazon.com/live/v2/reports?reportTypes=_A_%2C_B_&createdSince=2026-01-01T00%3A00%3A00Z&note=two%20words");
        Map<String, String> headers =
                new AmazonPaySigner(KEY_ID, KEYS.getPrivate(), "na", clock).sign("GET", uri, "", null);

        Matcher authorization = Pattern.compile(
                        "AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=(.+), SignedHeaders=(.+), Signature=(.+)")
                .matcher(headers.get("authorization"));
        assertThat(authorization.matches()).isTrue();
        assertThat(authorization.group(1)).isEqualTo(KEY_ID);
        assertThat(authorization.group(2))
                .isEqualTo("accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region");

        Map<String, List<String>> signed = new LinkedHashMap<>();
        for (String name : authorization.group(2).split(";")) {
            signed.put(name, List.of(headers.get(name)));
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("reportTypes", List.of("_A_,_B_"));
        query.put("createdSince", List.of("2026-01-01T00:00:00Z"));
        query.put("note", List.of("two words"));
        SignatureHelper sdk = new SignatureHelper(new SdkSignedRequests(KEY_ID, KEYS.getPrivate()).configuration());
        String canonical = sdk.createCanonicalRequest(
                URI.create("https://pay-api.amazon.com/live/v2/reports"), "GET", query, "", signed);
        String stringToSign = sdk.createStringToSign(canonical, "AMZN-PAY-RSASSA-PSS-V2");

        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(KEYS.getPublic());
        pss.update(stringToSign.getBytes(StandardCharsets.UTF_8));
        assertThat(pss.verify(Base64.getDecoder().decode(authorization.group(3))))
                .isTrue();
    }

    @Test
    void aPostWithBodyAndIdempotencyKeyIsSignedAndVerified() throws Exception {
        URI uri = URI.create(simulator.baseUrl() + "/live/v2/reports");
        String body =
                "{\"reportType\":\"_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_\",\"startTime\":\"20260101T000000Z\",\"endTime\":\"20260102T000000Z\"}";
        Map<String, String> headers =
                new AmazonPaySigner(KEY_ID, KEYS.getPrivate(), "na", clock).sign("POST", uri, body, "IDEMPOTENCY-1");
        assertThat(headers.get("authorization"))
                .contains(
                        "SignedHeaders=accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region");

        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"reportId\"");
    }

    @Test
    void anUnknownPublicKeyIdIsUnauthorized() throws Exception {
        KeyPair other = PemKeys.generateRsaKeyPair();
        AmazonPayClient stranger = SignedClients.to(simulator, "LIVE-OTHER", other.getPrivate(), clock);

        assertThatThrownBy(() -> stranger.getReports(new ReportQuery(
                        List.of(SETTLEMENT), List.of(Report.ProcessingStatus.COMPLETED), null, null, 100)))
                .isInstanceOfSatisfying(AmazonPayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.reasonCode()).isEqualTo("UnauthorizedAccess");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void pagingFollowsNextTokenToTheEndWithoutDuplicates() {
        List<Report> all = client.listReports(new ReportQuery(List.of(SETTLEMENT), null, null, null, 100));
        assertThat(all).hasSizeBetween(12, 15);

        List<Report> paged = new ArrayList<>();
        ReportsPage page = client.getReports(new ReportQuery(List.of(SETTLEMENT), null, null, null, 4));
        paged.addAll(page.reports());
        while (page.nextToken() != null) {
            page = client.getReports(page.nextToken());
            paged.addAll(page.reports());
        }
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(new HashSet<>(paged.stream().map(Report::reportId).toList())).hasSize(all.size());
        assertThat(all)
                .allSatisfy(
                        report -> assertThat(report.processingStatus()).isEqualTo(Report.ProcessingStatus.COMPLETED));
    }

    @Test
    void twoHundredFiftyReportsPageCorrectlyTenAtATime(@TempDir Path data) throws Exception {
        for (int i = 0; i < 250; i++) {
            Path file = Files.writeString(data.resolve(String.format("R%04d.csv", i)), "\"SellerId\"\r\n");
            Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(Duration.ofHours(250 - i))));
        }
        try (AmazonPaySimulator many = AmazonPaySimulator.start(
                SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), clock).withDataDir(data, false))) {
            AmazonPayClient manyClient = SignedClients.to(many, KEY_ID, KEYS.getPrivate(), clock);
            int pages = 1;
            ReportsPage page = manyClient.getReports(new ReportQuery(null, null, null, null, 10));
            List<String> ids = new ArrayList<>(
                    page.reports().stream().map(Report::reportId).toList());
            while (page.nextToken() != null) {
                page = manyClient.getReports(page.nextToken());
                ids.addAll(page.reports().stream().map(Report::reportId).toList());
                pages++;
            }
            assertThat(pages).isEqualTo(25);
            assertThat(ids).hasSize(250).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void nextTokenWithAnotherParameterIsRejectedAsTheSeedSays() throws Exception {
        ReportsPage first = client.getReports(new ReportQuery(List.of(SETTLEMENT), null, null, null, 2));
        assertThatThrownBy(() -> client.call(
                        "getReports", "GET", "/reports", Map.of("nextToken", first.nextToken(), "pageSize", "2"), ""))
                .isInstanceOfSatisfying(
                        AmazonPayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void theDocumentUrlWorksRightAwayAndExpiresAfterThirtySeconds() throws Exception {
        Report report = client.listReports(new ReportQuery(
                        List.of(SETTLEMENT), List.of(Report.ProcessingStatus.COMPLETED), null, null, 100))
                .get(0);
        ReportDocument document = client.getReportDocument(report.reportDocumentId());

        try (InputStream content = client.openDownload(document).body()) {
            String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text)
                    .startsWith("\"SellerId\",\"SettlementStartDate\",\"SettlementEndDate\"")
                    .contains("\"TransactionPostedDate\"");
        }
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> client.openDownload(document))
                .isInstanceOf(ReportDownloadException.class)
                .hasMessageContaining("HTTP 403 AccessDenied: Request has expired")
                .hasMessageNotContaining("X-Amz-Signature=");
    }
}
