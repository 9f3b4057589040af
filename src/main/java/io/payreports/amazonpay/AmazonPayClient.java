package io.payreports.amazonpay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.payreports.http.GuardedHttp;
import io.payreports.http.PagingGuard;
import io.payreports.http.Throttled;
import io.payreports.jobs.ApiCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon Pay API v2 reporting client: every call is signed with {@link AmazonPaySigner}; errors
 * become {@link AmazonPayApiException}s carrying Amazon's status and reasonCode. Retrying is left
 * to the caller (Camel redelivery), which knows the job's policy.
 */
public class AmazonPayClient {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonPayClient.class);

    private final AmazonPayConfig config;
    private final AmazonPaySigner signer;
    /** Follows no redirect: a signed request goes to the configured endpoint only. */
    private final HttpClient http;
    /** Follows no redirect: a redirect could lead off the document hosts, and pre-signed S3 URLs answer directly. */
    private final HttpClient downloads;

    public AmazonPayClient(AmazonPayConfig config, AmazonPaySigner signer) {
        this.config = config;
        this.signer = signer;
        this.http = GuardedHttp.client(config.connectTimeout());
        this.downloads = GuardedHttp.client(config.connectTimeout());
    }

    public AmazonPayConfig config() {
        return config;
    }

    /** One page of reports matching the query. */
    public ReportsPage getReports(ReportQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.reportTypes().isEmpty()) {
            params.put("reportTypes", String.join(",", query.reportTypes()));
        }
        if (!query.processingStatuses().isEmpty()) {
            params.put(
                    "processingStatuses",
                    query.processingStatuses().stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (query.createdSince() != null) {
            params.put("createdSince", AmazonPayDates.basic(query.createdSince()));
        }
        if (query.createdUntil() != null) {
            params.put("createdUntil", AmazonPayDates.basic(query.createdUntil()));
        }
        if (query.pageSize() != null) {
            params.put("pageSize", query.pageSize().toString());
        }
        return getReportsPage(params);
    }

    /** The page after a previous one. Amazon rejects nextToken combined with any other filter (Amazon Pay reports API reference). */
    public ReportsPage getReports(String nextToken) {
        return getReportsPage(Map.of("nextToken", nextToken));
    }

    /** Every report matching the query, following nextToken to the last page. */
    public List<Report> listReports(ReportQuery query) {
        List<Report> reports = new ArrayList<>();
        PagingGuard guard = PagingGuard.of("getReports");
        ReportsPage page = getReports(query);
        while (true) {
            if (page.reports() != null) {
                reports.addAll(page.reports());
            }
            guard.page(page.reports() == null ? 0 : page.reports().size(), page.nextToken());
            if (page.nextToken() == null || page.nextToken().isBlank()) {
                return reports;
            }
            page = getReports(page.nextToken());
        }
    }

    public Report getReportById(String reportId) {
        JsonNode answer = get("getReportById", "/reports/" + pathSegment(reportId), Map.of());
        return read("getReportById", require("getReportById", answer, "reportId"), Report.class);
    }

    public ReportDocument getReportDocument(String reportDocumentId) {
        String operation = "getReportDocument";
        JsonNode answer = get(operation, "/report-documents/" + pathSegment(reportDocumentId), Map.of());
        require(operation, answer, "reportDocumentId");
        return read(operation, require(operation, answer, "url"), ReportDocument.class);
    }

    /**
     * Requests a report (POST, 201). Pass the same idempotency key when retrying one logical
     * request, so that Amazon creates one report, not one per attempt.
     */
    public String createReport(String reportType, Instant startTime, Instant endTime, String idempotencyKey) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reportType", reportType);
        body.put("startTime", AmazonPayDates.basic(startTime));
        body.put("endTime", AmazonPayDates.basic(endTime));
        return id(
                "createReport",
                call("createReport", "POST", "/reports", Map.of(), json(body), idempotencyKey),
                "reportId");
    }

    public List<ReportSchedule> getReportSchedules(List<String> reportTypes) {
        Map<String, String> query =
                reportTypes.isEmpty() ? Map.of() : Map.of("reportTypes", String.join(",", reportTypes));
        JsonNode answer = get("getReportSchedules", "/report-schedules", query);
        return read(
                        "getReportSchedules",
                        requireArray("getReportSchedules", answer, "reportSchedules"),
                        ReportSchedules.class)
                .reportSchedules();
    }

    /**
     * Amazon's reference answers this with the schedule inside a one-element {@code reportSchedules}
     * list, like getReportSchedules; older pages show the bare object. Both are read.
     */
    public ReportSchedule getReportScheduleById(String reportScheduleId) {
        String operation = "getReportScheduleById";
        JsonNode answer = get(operation, "/report-schedules/" + pathSegment(reportScheduleId), Map.of());
        JsonNode schedule = answer.has("reportSchedules")
                ? requireArray(operation, answer, "reportSchedules")
                        .path("reportSchedules")
                        .path(0)
                : answer;
        return read(operation, require(operation, schedule, "reportScheduleId"), ReportSchedule.class);
    }

    /** Creates a schedule; Amazon allows one per report type, replaced only with {@code deleteExistingSchedule}. */
    public String createReportSchedule(
            String reportType,
            String scheduleFrequency,
            Instant nextReportCreationTime,
            boolean deleteExistingSchedule,
            String idempotencyKey) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reportType", reportType);
        body.put("scheduleFrequency", scheduleFrequency);
        body.put("nextReportCreationTime", AmazonPayDates.basic(nextReportCreationTime));
        Map<String, String> query = deleteExistingSchedule ? Map.of("deleteExistingSchedule", "true") : Map.of();
        return id(
                "createReportSchedule",
                call("createReportSchedule", "POST", "/report-schedules", query, json(body), idempotencyKey),
                "reportScheduleId");
    }

    public void cancelReportSchedule(String reportScheduleId) {
        call("cancelReportSchedule", "DELETE", "/report-schedules/" + pathSegment(reportScheduleId), Map.of(), "");
    }

    /** One page of disbursements settled between the two instants; pass the previous page's nextToken for the next. */
    public DisbursementsPage getDisbursements(Instant startTime, Instant endTime, Integer pageSize, String nextToken) {
        Map<String, String> query = new LinkedHashMap<>();
        if (nextToken != null) {
            // like getReports, a next page is asked for with its token alone
            query.put("nextToken", nextToken);
        } else {
            query.put("startTime", AmazonPayDates.basic(startTime));
            query.put("endTime", AmazonPayDates.basic(endTime));
            if (pageSize != null) {
                query.put("pageSize", pageSize.toString());
            }
        }
        JsonNode answer = get("getDisbursements", "/disbursements", query);
        return read(
                "getDisbursements", requireArray("getDisbursements", answer, "disbursements"), DisbursementsPage.class);
    }

    /**
     * Opens the document download. The URL is pre-signed by Amazon, valid for 30 s, and must not be
     * signed again; so call this right after {@link #getReportDocument} (or let {@link DocumentDownloader}
     * do both). A URL off the configured document hosts is refused before any connection is made.
     * The caller closes the body.
     */
    public DocumentDownload openDownload(ReportDocument document) {
        HttpRequest request = HttpRequest.newBuilder(config.documents().hosts().check(document))
                .timeout(config.readTimeout())
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = GuardedHttp.download(
                    downloads, request, "download of report document " + document.reportDocumentId());
            ApiCalls.count("amazonpay", "downloadReportDocument", response.statusCode());
            if (response.statusCode() != 200) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
                }
                throw new ReportDownloadException(document, response.statusCode(), body);
            }
            return new DocumentDownload(
                    response.body(),
                    DocumentDownload.charsetOf(
                            response.headers().firstValue("Content-Type"), document.reportDocumentId()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "download of report document " + document.reportDocumentId() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A signed call; returns the JSON answer. {@code path} is relative to {@link AmazonPayConfig#apiBase()} ({@code /live/v2} or {@code /v2}).
     * POSTs carry an idempotency key so that Amazon can tell a retry from a second request.
     */
    public String call(String operation, String method, String path, Map<String, String> query, String body) {
        return call(operation, method, path, query, body, "POST".equals(method) ? newIdempotencyKey() : null);
    }

    /** A fresh key for one logical POST; keep it for that request's retries. */
    public static String newIdempotencyKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A signed call with a given idempotency key (POST), e.g. the retry of an earlier request. */
    public String call(
            String operation,
            String method,
            String path,
            Map<String, String> query,
            String body,
            String idempotencyKey) {
        URI uri = URI.create(config.apiBase() + path + queryString(query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        signer.sign(method, uri, body, idempotencyKey).forEach((name, value) -> {
            // the JDK client sets Host itself and refuses to be told
            if (!name.equalsIgnoreCase("host")) {
                builder.header(name, value);
            }
        });
        long started = System.nanoTime();
        HttpResponse<String> response = GuardedHttp.call(http, builder.build(), operation);
        LOG.debug(
                "{} {} {} -> {} in {} ms",
                operation,
                method,
                uri.getPath(),
                response.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        ApiCalls.count("amazonpay", operation, response.statusCode());
        if (response.statusCode() / 100 != 2) {
            throw error(
                    operation,
                    response.statusCode(),
                    response.body(),
                    Throttled.retryAfterHeader(response).orElse(null));
        }
        return response.body();
    }

    private ReportsPage getReportsPage(Map<String, String> params) {
        JsonNode answer = get("getReports", "/reports", params);
        return read("getReports", requireArray("getReports", answer, "reports"), ReportsPage.class);
    }

    private static AmazonPayApiException error(String operation, int status, String body, Duration retryAfter) {
        String reasonCode = "HTTP_" + status;
        String message = null;
        try {
            JsonNode json = AmazonPayJson.MAPPER.readTree(body);
            if (json != null && json.hasNonNull("reasonCode")) {
                reasonCode = json.get("reasonCode").asText();
                message = json.path("message").asText(null);
            }
        } catch (IOException notJson) {
            message = body == null ? null : body.substring(0, Math.min(body.length(), 200));
        }
        return new AmazonPayApiException(operation, status, reasonCode, message, retryAfter);
    }

    private static String json(Map<String, String> body) {
        try {
            return AmazonPayJson.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String operation, String path, Map<String, String> query) {
        return answer(operation, call(operation, "GET", path, query, ""));
    }

    /** The id a create operation answers with. */
    private static String id(String operation, String json, String name) {
        return require(operation, answer(operation, json), name).get(name).asText();
    }

    /** A JSON object, or an error naming the operation: an answer we cannot read must never pass for an empty one. */
    private static JsonNode answer(String operation, String json) {
        JsonNode answer;
        try {
            answer = AmazonPayJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw unrecognised(operation, "the answer is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (answer == null || !answer.isObject()) {
            throw unrecognised(operation, "the answer is not a JSON object");
        }
        return answer;
    }

    private static JsonNode require(String operation, JsonNode answer, String field) {
        if (!answer.hasNonNull(field) || answer.get(field).isContainerNode()) {
            throw unrecognised(operation, "the answer has no '" + field + "'");
        }
        return answer;
    }

    /** No list at all is not "nothing new": Amazon answers an empty list when there is nothing. */
    private static JsonNode requireArray(String operation, JsonNode answer, String field) {
        if (!answer.path(field).isArray()) {
            throw unrecognised(operation, "the answer has no '" + field + "' array");
        }
        return answer;
    }

    /** Status 200, so not retried: asking again gets the same answer, and the job's watermark stays where it is. */
    private static AmazonPayApiException unrecognised(String operation, String what) {
        return new AmazonPayApiException(
                operation, 200, "UnrecognisedAnswer", what + "; the call is failed rather than read as empty");
    }

    /** The getReportSchedules answer. */
    private record ReportSchedules(List<ReportSchedule> reportSchedules) {
        ReportSchedules {
            reportSchedules = reportSchedules == null ? List.of() : reportSchedules;
        }
    }

    private static <T> T read(String operation, JsonNode answer, Class<T> type) {
        try {
            return AmazonPayJson.MAPPER.treeToValue(answer, type);
        } catch (IOException | IllegalArgumentException e) {
            throw unrecognised(operation, "the answer is not a " + type.getSimpleName() + " (" + e.getMessage() + ")");
        }
    }

    private static String pathSegment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        return CanonicalRequest.encode(id);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach(
                (name, value) -> joiner.add(CanonicalRequest.encode(name) + "=" + CanonicalRequest.encode(value)));
        return joiner.toString();
    }
}
