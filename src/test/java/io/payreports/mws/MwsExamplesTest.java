package io.payreports.mws;

import static io.payreports.examples.ExampleServer.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.examples.ExampleServer;
import io.payreports.examples.ExampleServer.Answer;
import io.payreports.examples.ExampleServer.Request;
import io.payreports.examples.RunOnce;
import io.payreports.jobs.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample answers of Amazon's settlement and transaction reports guide and the schema mocks of
 * Amazon's MWS client library, served verbatim (see amazon-examples/PROVENANCE.md), through our
 * client and through the real MWS job.
 */
class MwsExamplesTest {

    private static final List<String> SETTLEMENT = List.of("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_");

    @TempDir
    Path dir;

    @Test
    void theGuidesAnswersReadIntoReportsWithTheirDataPeriods() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(MwsExamplesTest::guide)) {
            MwsClient client = client(amazon);

            assertThat(client.generatedReports(SETTLEMENT, Instant.EPOCH, Instant.EPOCH))
                    .containsExactly(
                            report(
                                    "11162090683",
                                    "7332234344",
                                    "2015-06-13T00:00:18Z",
                                    "2015-06-14T00:00:18Z",
                                    "2015-06-14T01:13:34Z"),
                            report(
                                    "11145931523",
                                    "7325420826",
                                    "2015-06-12T00:00:19Z",
                                    "2015-06-13T00:00:18Z",
                                    "2015-06-13T01:14:34Z"),
                            report(
                                    "11129389963",
                                    "7318485518",
                                    "2015-06-11T00:00:16Z",
                                    "2015-06-12T00:00:19Z",
                                    "2015-06-12T01:14:38Z"));
            assertThat(client.unacknowledged(SETTLEMENT)).containsExactly("11162090683", "11145931523");
            assertThat(client.acknowledge(List.of("11162090683", "11145931523")))
                    .isEqualTo(2);
        }
    }

    @Test
    void theLibraryMocksDatesWithoutAnOffsetAreUtc() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(
                request -> Answer.xml(example("mws/library-mocks/" + action(request) + "Response.xml")))) {
            MwsClient client = client(amazon);

            assertThat(client.generatedReports(SETTLEMENT, Instant.EPOCH, Instant.EPOCH))
                    .singleElement()
                    .satisfies(report -> {
                        assertThat(report.dataStart()).isEqualTo(Instant.parse("2007-10-25T23:36:28Z"));
                        assertThat(report.dataEnd()).isEqualTo(Instant.parse("2004-02-14T10:44:14Z"));
                        assertThat(report.submitted()).isEqualTo(Instant.parse("2018-11-01T05:36:46Z"));
                    });
            assertThat(client.unacknowledged(SETTLEMENT))
                    .as("the mock's report is acknowledged")
                    .isEmpty();
            assertThat(client.acknowledge(List.of("string"))).isEqualTo(100);
        }
    }

    @Test
    void xsDateTimesReadWithAndWithoutOffsetAndWithFractions() {
        assertThat(MwsXml.instant("StartDate", " 2015-06-14T01:13:42+00:00 "))
                .isEqualTo(Instant.parse("2015-06-14T01:13:42Z"));
        assertThat(MwsXml.instant("StartDate", "2007-10-25T23:36:28")).isEqualTo(Instant.parse("2007-10-25T23:36:28Z"));
        assertThat(MwsXml.instant("StartDate", "2007-10-25T23:36:28.125"))
                .isEqualTo(Instant.parse("2007-10-25T23:36:28.125Z"));
        assertThat(MwsXml.instant("StartDate", "2015-06-25T17:23:47.707Z"))
                .isEqualTo(Instant.parse("2015-06-25T17:23:47.707Z"));
        assertThat(MwsXml.instant("StartDate", "2018-10-31T22:36:46.5-07:00"))
                .isEqualTo(Instant.parse("2018-11-01T05:36:46.5Z"));
        assertThatThrownBy(() -> MwsXml.instant("EndDate", "2015-06-32T00:00:00"))
                .hasMessage("MWS MalformedResponse (HTTP 200): EndDate '2015-06-32T00:00:00' is not an xs:dateTime");
    }

    @Test
    void anAnswerWithAnUnknownRootOrAnotherActionsResultFailsNamingTheAction() throws Exception {
        Function<Request, Answer> wrong = request -> action(request).equals("GetReportList")
                ? Answer.xml(example("mws/GetReportRequestList.xml"))
                : Answer.xml("<?xml version=\"1.0\"?><Maintenance><GetReportRequestListResult/></Maintenance>");
        try (ExampleServer amazon = ExampleServer.start(wrong)) {
            MwsClient client = client(amazon);

            assertThatThrownBy(() -> client.generatedReports(SETTLEMENT, Instant.EPOCH, Instant.EPOCH))
                    .isInstanceOfSatisfying(
                            MwsApiException.class,
                            e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessage(
                            "MWS MalformedResponse (HTTP 200): GetReportRequestList: the answer's root element is <Maintenance>, not <GetReportRequestListResponse>");
            assertThatThrownBy(() -> client.unacknowledged(SETTLEMENT))
                    .hasMessageContaining(
                            "GetReportList: the answer's root element is <GetReportRequestListResponse>, not <GetReportListResponse>");
        }
    }

    @Test
    void theMwsJobDeliversTheGuidesUnacknowledgedReportsAndAcknowledgesThem() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(MwsExamplesTest::guide)) {
            JobRun run = runOnce(amazon);

            assertThat(run.succeeded()).as(run.summaryLine()).isTrue();
            assertThat(run.reportsDelivered()).isEqualTo(2);
            assertThat(run.records()).isEqualTo(8);
            assertThat(run.hasWarnings()).as("the three data periods meet").isFalse();
            assertThat(Files.readAllLines(dir.resolve("out/amazonpay_settlement/11162090683.jsonl")))
                    .hasSize(4);
            assertThat(Files.readAllLines(dir.resolve("out/amazonpay_settlement/11145931523.jsonl")))
                    .hasSize(4);
            assertThat(amazon.requests())
                    .filteredOn(request -> action(request).equals("GetReport"))
                    .extracting(request -> request.parameters().get("ReportId"))
                    .containsExactlyInAnyOrder("11162090683", "11145931523");
            assertThat(amazon.requests())
                    .filteredOn(request -> action(request).equals("UpdateReportAcknowledgements"))
                    .singleElement()
                    .satisfies(request -> assertThat(request.parameters())
                            .containsEntry("Acknowledged", "true")
                            .containsKeys("ReportIdList.Id.1", "ReportIdList.Id.2")
                            .doesNotContainKey("ReportIdList.Id.3"));
        }
    }

    @Test
    void anUnrecognisedListingFailsTheRunWithoutDownloadingOrAcknowledging() throws Exception {
        try (ExampleServer amazon = ExampleServer.start(
                request -> Answer.xml("<?xml version=\"1.0\"?><html><body>Service Unavailable</body></html>"))) {
            JobRun run = runOnce(amazon);

            assertThat(run.succeeded()).isFalse();
            assertThat(run.summaryLine()).contains("GetReportRequestList: the answer's root element is <html>");
            assertThat(amazon.requests())
                    .as("not retried, nothing downloaded or acknowledged")
                    .singleElement()
                    .satisfies(request -> assertThat(action(request)).isEqualTo("GetReportRequestList"));
        }
    }

    /** The guide's sample answer for each action; GetReport answers the guide's settlement report with its Content-MD5. */
    private static Answer guide(Request request) {
        String action = action(request);
        if (action.equals("GetReport")) {
            byte[] report = ExampleServer.settlementReport();
            return new Answer(
                    200,
                    "text/plain;charset=UTF-8",
                    report,
                    Map.of("Content-MD5", Base64.getEncoder().encodeToString(md5(report))));
        }
        return Answer.xml(example("mws/" + action + ".xml"));
    }

    private static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static String action(Request request) {
        return request.parameters().get("Action");
    }

    private static MwsReport report(String reportId, String requestId, String start, String end, String submitted) {
        return new MwsReport(
                reportId,
                requestId,
                SETTLEMENT.get(0),
                Instant.parse(start),
                Instant.parse(end),
                Instant.parse(submitted),
                "DONE");
    }

    private static MwsClient client(ExampleServer amazon) {
        return new MwsClient(
                new MwsConfig(
                        amazon.baseUrl(),
                        MwsClientTest.ACCESS_KEY,
                        MwsClientTest.SECRET,
                        MwsClientTest.SELLER,
                        Optional.empty(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10)),
                Clock.fixed(Instant.parse("2015-06-25T17:23:47Z"), ZoneOffset.UTC));
    }

    private JobRun runOnce(ExampleServer amazon) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("docs/jobs/mws-settlement.yaml"), routes.resolve("mws-settlement.yaml"));
        return RunOnce.run(
                dir,
                routes,
                "payreports.mws.endpoint = " + amazon.baseUrl(),
                "payreports.mws.access-key-id = " + MwsClientTest.ACCESS_KEY,
                "payreports.mws.secret-key = " + MwsClientTest.SECRET,
                "payreports.mws.seller-id = " + MwsClientTest.SELLER);
    }
}
