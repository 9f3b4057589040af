package io.payreports.simulator;

import static io.payreports.examples.ExampleServer.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.pay.api.AmazonPayResponse;
import com.amazon.pay.api.PayConfiguration;
import com.amazon.pay.api.WebstoreClient;
import com.amazon.pay.api.exceptions.AmazonPayClientException;
import com.amazon.pay.api.types.Environment;
import com.amazon.pay.api.types.Region;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPaySignatureVerifier;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.ReportQuery;
import io.payreports.examples.ExampleServer;
import io.payreports.examples.ExampleServer.Answer;
import io.payreports.examples.ExampleServer.Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The same request built by the official SDK (its own {@code WebstoreClient} and {@code RequestSigner},
 * stopped just before sending) and sent by our client: same path, query, body and signed headers.
 * The SDK's README writes the reporting times in basic form ({@code 20221114T074550Z}); so must we.
 */
class SdkRequestBuildingTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String SETTLEMENT = SdkSignedRequests.SETTLEMENT;
    private static final String ORDERS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_";
    /** A job's clock reading: nanoseconds that the basic form has no room for. */
    private static final Instant SINCE = Instant.parse("2022-11-14T07:45:50.843885452Z");

    private static final Instant UNTIL = Instant.parse("2022-12-02T15:03:50Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLiveKeyCallsV2WithBasicTimestampsAsTheSdkDoes() throws Exception {
        compare("LIVE-AGREE", Environment.LIVE, "/v2");
    }

    @Test
    void aSandboxKeyCallsV2TooWhateverTheConfiguredEnvironment() throws Exception {
        compare("SANDBOX-AGREE", Environment.LIVE, "/v2");
    }

    @Test
    void aKeyWithoutEnvironmentKeepsTheEnvironmentSegment() throws Exception {
        compare("AGREEMENT1", Environment.SANDBOX, "/sandbox/v2");
    }

    private void compare(String publicKeyId, Environment environment, String base) throws Exception {
        try (ExampleServer amazon = ExampleServer.start(SdkRequestBuildingTest::answer)) {
            AmazonPayClient ours = ours(amazon, publicKeyId, environment);
            RecordingSdk sdk = new RecordingSdk(
                    new LocalConfiguration("127.0.0.1:" + amazon.baseUrl().getPort())
                            .setPublicKeyId(publicKeyId)
                            .setRegion(Region.NA)
                            .setEnvironment(environment)
                            .setPrivateKey(KEYS.getPrivate())
                            .setAlgorithm("AMZN-PAY-RSASSA-PSS-V2"));

            ours.getReports(new ReportQuery(List.of(SETTLEMENT), List.of(), SINCE, null, 100));
            sdk.getReports(query("reportTypes", SETTLEMENT, "createdSince", "20221114T074550Z", "pageSize", "100"));
            ours.getReportById("A08439021T39K6DTX4JS8");
            sdk.getReportById("A08439021T39K6DTX4JS8");
            ours.getReportScheduleById("68973459224");
            sdk.getReportScheduleById("68973459224");
            ours.getDisbursements(SINCE, UNTIL, 30, null);
            sdk.getDisbursements(
                    query("startTime", "20221114T074550Z", "endTime", "20221202T150350Z", "pageSize", "30"), null);
            ours.createReport(ORDERS, SINCE, UNTIL, "IDEMPOTENCY-1");
            sdk.createReport(
                    new JSONObject(Map.of(
                            "reportType", ORDERS, "startTime", "20221114T074550Z", "endTime", "20221202T150350Z")),
                    Map.of("x-amz-pay-idempotency-key", "IDEMPOTENCY-1"));

            List<Request> sent = amazon.requests();
            assertThat(sent).hasSameSizeAs(sdk.built);
            for (int i = 0; i < sent.size(); i++) {
                assertSameRequest(sent.get(i), sdk.built.get(i), base);
            }
        }
    }

    private static void assertSameRequest(Request ours, Built sdk, String base) throws Exception {
        String what = sdk.method() + " " + sdk.uri().getRawPath();
        assertThat(ours.method()).as(what).isEqualTo(sdk.method());
        // the SDK writes its list calls as /reports/?…: the reference's path has no trailing slash, and Amazon takes
        // both
        assertThat(ours.rawPath())
                .as(what)
                .startsWith(base + "/")
                .isEqualTo(withoutTrailingSlash(sdk.uri().getRawPath()));
        assertThat(new Request("", "", ours.rawQuery(), Map.of(), "").parameters())
                .as(what)
                .isEqualTo(new Request("", "", sdk.uri().getRawQuery(), Map.of(), "").parameters());
        if (!sdk.body().isEmpty()) {
            assertThat(JSON.readTree(ours.body())).as(what).isEqualTo(JSON.readTree(sdk.body()));
        }
        assertThat(signedHeaderNames(ours.headers().get("authorization")))
                .as(what)
                .isEqualTo(signedHeaderNames(sdk.signed().get("authorization")));
        for (String name : signedHeaderNames(sdk.signed().get("authorization"))) {
            if (name.equals("x-amz-pay-date")) {
                assertThat(ours.headers().get(name)).as(what + " " + name).matches("\\d{8}T\\d{6}Z");
            } else {
                assertThat(ours.headers().get(name))
                        .as(what + " " + name)
                        .isEqualTo(sdk.signed().get(name));
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ours.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        assertThat(new AmazonPaySignatureVerifier(id -> Optional.of(KEYS.getPublic()))
                        .verify(
                                ours.method(),
                                ours.rawPath(),
                                ours.rawQuery(),
                                headers,
                                ours.body().getBytes(StandardCharsets.UTF_8))
                        .valid())
                .as(what + " verifies as sent")
                .isTrue();
    }

    private static List<String> signedHeaderNames(String authorization) {
        int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
        return List.of(authorization
                .substring(start, authorization.indexOf(',', start))
                .split(";"));
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return query;
    }

    private static Answer answer(Request request) {
        String path = request.rawPath().replaceFirst("^/(live|sandbox)/", "/");
        if (path.startsWith("/v2/report-schedules/")) {
            return Answer.json(200, example("amazonpay/getReportScheduleById.json"));
        }
        return switch (request.method() + " " + path) {
            case "GET /v2/reports" -> Answer.json(200, example("amazonpay/getReports.json"));
            case "POST /v2/reports" -> Answer.json(201, example("amazonpay/createReport.json"));
            case "GET /v2/disbursements" -> Answer.json(200, example("amazonpay/getDisbursements.json"));
            default -> Answer.json(200, example("amazonpay/getReportById.json"));
        };
    }

    private static AmazonPayClient ours(ExampleServer amazon, String publicKeyId, Environment environment) {
        Clock clock = Clock.fixed(Instant.parse("2022-12-08T00:00:00Z"), ZoneOffset.UTC);
        AmazonPayConfig config = new AmazonPayConfig(
                amazon.baseUrl(),
                "na",
                environment.name(),
                publicKeyId,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                null);
        return new AmazonPayClient(config, new AmazonPaySigner(publicKeyId, KEYS.getPrivate(), config.region(), clock));
    }

    /** The SDK's endpoint override ({@code https://} + host) has no setter in 2.6.x; the SDK reads the field. */
    private static final class LocalConfiguration extends PayConfiguration {
        LocalConfiguration(String hostAndPort) {
            overrideServiceURL = hostAndPort;
        }
    }

    private record Built(URI uri, String method, String body, Map<String, String> signed) {}

    /** The SDK's own client, which builds and signs every request and records it instead of sending it. */
    private static final class RecordingSdk extends WebstoreClient {
        private final List<Built> built = new ArrayList<>();

        RecordingSdk(PayConfiguration configuration) throws AmazonPayClientException {
            super(configuration);
            new SdkSignedRequests("KEY", KEYS.getPrivate()); // registers the "BC" provider the SDK signs with
        }

        @Override
        public AmazonPayResponse callAPI(
                URI uri, String method, Map<String, List<String>> query, String body, Map<String, String> header)
                throws AmazonPayClientException {
            built.add(new Built(uri, method, body, requestSigner.signRequest(uri, method, query, body, header)));
            return new AmazonPayResponse();
        }
    }
}
