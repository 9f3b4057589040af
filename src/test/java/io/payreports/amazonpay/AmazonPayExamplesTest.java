package io.payreports.amazonpay;

import static io.payreports.examples.ExampleServer.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.examples.ExampleServer;
import io.payreports.examples.ExampleServer.Answer;
import io.payreports.examples.ExampleServer.Request;
import io.payreports.examples.RunOnce;
import io.payreports.jobs.JobRun;
import io.payreports.state.WatermarkStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example answers of Amazon's Amazon Pay reports API reference, served verbatim (see
 * amazon-examples/PROVENANCE.md), through our client and through the real jobs.
 */
class AmazonPayExamplesTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String KEY_ID = "LIVE-EXAMPLES";
    private static final String DOCUMENT_ID = "amzn1.tortuga.3.45ee712dc-3512-6cbd-ad71-ab3cb4cffef7.T3FKJJI01Y1E32";
    /** The reference's placeholder URL, with a stray quote in front: it points at Amazon's S3, so the test server's URL replaces it. */
    private static final String DOCUMENTED_URL =
            "\"\"https://tortuga-[...].amazonaws.com/<reportDocumentId>?X-Amz-Algorithm=...&X-Amz-Signature=...\"";

    private final Clock clock = Clock.fixed(Instant.parse("2022-12-08T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theReferenceAnswersReadIntoReportsSchedulesAndDisbursements() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(AmazonPayExamplesTest::reference)) {
            AmazonPayClient client = client(amazon);
            Report expected = new Report(
                    "A08439021T39K6DTX4JS8",
                    "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                    Instant.parse("2022-11-18T15:06:30Z"),
                    Instant.parse("2022-12-02T15:03:50Z"),
                    Instant.parse("2022-12-07T17:08:26Z"),
                    Report.ProcessingStatus.COMPLETED,
                    Instant.parse("2022-12-07T17:08:26Z"),
                    Instant.parse("2022-12-07T17:08:26Z"),
                    DOCUMENT_ID);
            ReportSchedule schedule = new ReportSchedule(
                    "68973459224",
                    "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
                    "P1D",
                    Instant.parse("2022-11-18T15:06:30Z"));

            assertThat(client.getReports(new ReportQuery(List.of(), List.of(), null, null, null))
                            .reports())
                    .containsExactly(expected);
            assertThat(client.getReportById("A08439021T39K6DTX4JS8")).isEqualTo(expected);
            assertThat(client.createReport(
                            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
                            Instant.parse("2022-08-04T00:00:00Z"),
                            Instant.parse("2022-08-04T23:59:59Z"),
                            "KEY-1"))
                    .as("the answer ends with a comma")
                    .isEqualTo("A08439021T39K6DTX4JS8");
            assertThat(client.getReportSchedules(List.of())).containsExactly(schedule);
            assertThat(client.getReportScheduleById("68973459224"))
                    .as("wrapped in reportSchedules")
                    .isEqualTo(schedule);
            assertThat(client.getDisbursements(
                                    Instant.parse("2022-08-04T00:00:00Z"),
                                    Instant.parse("2022-08-04T23:59:59Z"),
                                    30,
                                    null)
                            .disbursements())
                    .containsExactly(new Disbursement(
                            "A084390EXAMPLE",
                            "68973459224",
                            "The Identifier used on your bank statement",
                            new BigDecimal("1000.50"),
                            "USD",
                            Instant.parse("2022-12-07T17:08:26.717Z")));
        }
    }

    @Test
    void theOlderFlatScheduleAnswerIsReadTooAndTheDocumentAnswerAsPrintedIsAClearError() throws Exception {
        Function<Request, Answer> older = request -> request.rawPath().startsWith("/v2/report-schedules/")
                ? Answer.json(200, example("amazonpay/getReportScheduleById-older-reference.json"))
                : Answer.json(200, example("amazonpay/getReportDocument.json"));
        try (ExampleServer amazon = ExampleServer.start(older)) {
            AmazonPayClient client = client(amazon);

            assertThat(client.getReportScheduleById("68973459224").nextReportCreationTime())
                    .isEqualTo(Instant.parse("2022-11-18T15:06:30Z"));
            assertThatThrownBy(() -> client.getReportDocument(DOCUMENT_ID))
                    .isInstanceOfSatisfying(
                            AmazonPayApiException.class,
                            e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessageStartingWith(
                            "getReportDocument failed: HTTP 200 UnrecognisedAnswer: the answer is not JSON");
        }
    }

    @Test
    void requestsCarryBasicTimestampsAndALiveKeyCallsV2WithoutTheEnvironment() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(AmazonPayExamplesTest::reference)) {
            AmazonPayClient client = client(amazon);
            Instant since = Instant.parse("2022-11-14T07:45:50.843885452Z");
            client.getReports(new ReportQuery(
                    List.of("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_"), List.of(), since, null, 100));
            client.createReport(
                    "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
                    since,
                    Instant.parse("2022-12-02T15:03:50Z"),
                    "KEY-2");

            Request list = amazon.requests().get(0);
            assertThat(list.rawPath()).isEqualTo("/v2/reports");
            assertThat(list.parameters()).containsEntry("createdSince", "20221114T074550Z");
            assertThat(list.headers())
                    .containsEntry("x-amz-pay-host", "127.0.0.1")
                    .containsEntry("x-amz-pay-region", "NA");
            assertThat(amazon.requests().get(1).body())
                    .isEqualTo(
                            "{\"reportType\":\"_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_\",\"startTime\":\"20221114T074550Z\",\"endTime\":\"20221202T150350Z\"}");

            AmazonPayOperation.getDisbursements.invoke(
                    client, Map.of("startTime", "2022-11-14T07:45:50.5Z", "endTime", "20221202T150350Z"), "", null);
            assertThat(amazon.requests().get(2).parameters())
                    .as("the api command's parameters")
                    .containsEntry("startTime", "20221114T074550Z")
                    .containsEntry("endTime", "20221202T150350Z");
            assertThatThrownBy(() ->
                            AmazonPayOperation.getReports.invoke(client, Map.of("createdSince", "yesterday"), "", null))
                    .hasMessage("createdSince: not an ISO 8601 date-time: 'yesterday'");
        }
    }

    @Test
    void anAnswerWithoutItsListFailsTheCallNamingWhatWasMissing() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(request -> Answer.json(200, "{\"message\":\"maintenance\"}"))) {
            AmazonPayClient client = client(amazon);

            assertThatThrownBy(() -> client.getReports(new ReportQuery(List.of(), List.of(), null, null, null)))
                    .hasMessage(
                            "getReports failed: HTTP 200 UnrecognisedAnswer: the answer has no 'reports' array; the call is failed rather than read as empty");
            assertThatThrownBy(() -> client.getDisbursements(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), null, null))
                    .hasMessageContaining(
                            "getDisbursements failed: HTTP 200 UnrecognisedAnswer: the answer has no 'disbursements' array");
            assertThatThrownBy(() -> client.getReportScheduleById("1"))
                    .hasMessageContaining("the answer has no 'reportScheduleId'");
            assertThatThrownBy(() -> client.createReport("T", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "K"))
                    .hasMessageContaining(
                            "createReport failed: HTTP 200 UnrecognisedAnswer: the answer has no 'reportId'");
        }
    }

    @Test
    void theSettlementJobDeliversTheDocumentedReport() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(AmazonPayExamplesTest::reference)) {
            JobRun run = runOnce(amazon, Path.of("routes"));

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered()).isEqualTo(1);
            assertThat(run.records()).isEqualTo(4);
            assertThat(Files.readAllLines(dir.resolve("out/amazonpay_settlement/A08439021T39K6DTX4JS8.jsonl")))
                    .hasSize(4)
                    .anySatisfy(line -> assertThat(line).contains("\"netTransactionAmount\":\"970.70\""));
            assertThat(amazon.requests())
                    .extracting(Request::rawPath)
                    .contains("/v2/reports", "/v2/report-documents/" + DOCUMENT_ID, "/documents/" + DOCUMENT_ID);
        }
    }

    @Test
    void theDisbursementsJobDeliversTheDocumentedDisbursement() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("docs/jobs/amazonpay-disbursements.yaml"), routes.resolve("amazonpay-disbursements.yaml"));
        try (ExampleServer amazon = ExampleServer.start(AmazonPayExamplesTest::reference)) {
            JobRun run = runOnce(amazon, routes);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.records()).isEqualTo(1);
            try (Stream<Path> files = Files.list(dir.resolve("out/amazonpay_disbursement"))) {
                Path jsonl = files.filter(file -> file.toString().endsWith(".jsonl"))
                        .findFirst()
                        .orElseThrow();
                assertThat(Files.readAllLines(jsonl))
                        .singleElement()
                        .asString()
                        .contains(
                                "\"amazonDisbursementReferenceId\":\"The Identifier used on your bank statement\"",
                                "\"amount\":\"1000.50\"");
            }
            assertThat(amazon.requests().get(0).parameters().get("startTime")).matches("\\d{8}T\\d{6}Z");
        }
    }

    @Test
    void aListingWithoutReportsFailsTheRunAndTheWatermarkStays() throws Exception {
        Instant watermark = Instant.parse("2022-12-01T00:00:00Z");
        Files.createDirectories(dir.resolve("data"));
        WatermarkStore watermarks = new WatermarkStore(stateDatabase());
        watermarks.advance("amazonpay-settlement", watermark);
        try (ExampleServer amazon = ExampleServer.start(request -> Answer.json(200, "{\"nextToken\":\"\"}"))) {
            JobRun run = runOnce(amazon, Path.of("routes"));

            assertThat(run.succeeded()).isFalse();
            assertThat(run.summaryLine()).contains("getReports", "no 'reports' array");
            assertThat(amazon.requests())
                    .as("not retried: the answer would not change")
                    .hasSize(1);
        }
        assertThat(watermarks.get("amazonpay-settlement")).contains(watermark);
    }

    /** Amazon's documented answer for each call; the document URL points at the test server's copy of the guide's sample. */
    private static Answer reference(Request request) {
        String call = request.method() + " " + request.rawPath();
        if (call.startsWith("GET /documents/")) {
            return new Answer(200, "text/plain; charset=UTF-8", ExampleServer.settlementReport(), Map.of());
        }
        return switch (call) {
            case "GET /v2/reports" -> Answer.json(200, example("amazonpay/getReports.json"));
            case "POST /v2/reports" -> Answer.json(201, example("amazonpay/createReport.json"));
            case "GET /v2/reports/A08439021T39K6DTX4JS8" -> Answer.json(200, example("amazonpay/getReportById.json"));
            case "GET /v2/report-documents/" + DOCUMENT_ID ->
                Answer.json(
                        200,
                        example("amazonpay/getReportDocument.json")
                                .replace(
                                        DOCUMENTED_URL,
                                        "\"http://" + request.headers().get("host") + "/documents/" + DOCUMENT_ID
                                                + "\""));
            case "GET /v2/report-schedules" -> Answer.json(200, example("amazonpay/getReportSchedules.json"));
            case "GET /v2/report-schedules/68973459224" ->
                Answer.json(200, example("amazonpay/getReportScheduleById.json"));
            case "GET /v2/disbursements" -> Answer.json(200, example("amazonpay/getDisbursements.json"));
            default -> Answer.notFound();
        };
    }

    private AmazonPayClient client(ExampleServer amazon) {
        AmazonPayConfig config = new AmazonPayConfig(
                amazon.baseUrl(), "na", "live", KEY_ID, Duration.ofSeconds(5), Duration.ofSeconds(10), null);
        return new AmazonPayClient(config, new AmazonPaySigner(KEY_ID, KEYS.getPrivate(), config.region(), clock));
    }

    private JdbcDataSource stateDatabase() {
        JdbcDataSource state = new JdbcDataSource();
        state.setURL("jdbc:h2:file:" + dir.resolve("data/state"));
        return state;
    }

    private JobRun runOnce(ExampleServer amazon, Path routes) throws Exception {
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        return RunOnce.run(
                dir,
                routes,
                "payreports.amazonpay.endpoint = " + amazon.baseUrl(),
                "payreports.amazonpay.public-key-id = " + KEY_ID,
                "payreports.amazonpay.private-key-file = " + key);
    }
}
