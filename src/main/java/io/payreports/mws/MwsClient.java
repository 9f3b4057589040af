package io.payreports.mws;

import io.payreports.http.GuardedHttp;
import io.payreports.http.PagingGuard;
import io.payreports.http.Throttled;
import io.payreports.jobs.ApiCalls;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four MWS Reports API actions Amazon Pay's report guide uses (Amazon Pay settlement report guide): list the generated
 * reports, tell which are not acknowledged, download one, acknowledge them. Requests are POSTed as
 * forms and signed with {@link SignatureV2}; answers are XML.
 */
public class MwsClient {

    static final String VERSION = "2009-01-01";
    /** UpdateReportAcknowledgements takes at most 100 ids (Amazon Pay settlement report guide, "ReportIdList"). */
    static final int MAX_IDS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(MwsClient.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final MwsConfig config;
    private final Clock clock;
    private final HttpClient http;

    public MwsClient(MwsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = GuardedHttp.client(config.connectTimeout());
    }

    /**
     * Reports generated for the types whose requests were submitted in the range, DONE or DONE_NO_DATA,
     * all pages. Acknowledged or not; {@link #unacknowledged} tells.
     */
    public List<MwsReport> generatedReports(List<String> reportTypes, Instant from, Instant to) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < reportTypes.size(); i++) {
            parameters.put("ReportTypeList.Type." + (i + 1), reportTypes.get(i));
        }
        parameters.put("ReportProcessingStatusList.Status.1", "_DONE_");
        parameters.put("ReportProcessingStatusList.Status.2", "_DONE_NO_DATA_");
        parameters.put("RequestedFromDate", TIMESTAMP.format(from.truncatedTo(ChronoUnit.SECONDS)));
        parameters.put("RequestedToDate", TIMESTAMP.format(to.truncatedTo(ChronoUnit.SECONDS)));
        List<MwsReport> reports = new ArrayList<>();
        MwsXml.Result page = result("GetReportRequestList", parameters);
        PagingGuard guard = PagingGuard.of("GetReportRequestList");
        while (true) {
            guard.page(page.requestsOrEmpty().size(), page.more() ? MwsXml.text(page.nextToken()) : null);
            page.requestsOrEmpty().stream()
                    .filter(request -> !MwsXml.text(request.generatedReportId()).isEmpty()
                            || "DONE_NO_DATA".equals(MwsXml.status(request.status())))
                    .map(request -> new MwsReport(
                            MwsXml.text(request.generatedReportId()),
                            MwsXml.text(request.reportRequestId()),
                            MwsXml.reportType(request.reportType()),
                            MwsXml.instant("StartDate", request.startDate()),
                            MwsXml.instant("EndDate", request.endDate()),
                            MwsXml.instant("SubmittedDate", request.submittedDate()),
                            MwsXml.status(request.status())))
                    .forEach(reports::add);
            if (!page.more()) {
                return reports;
            }
            page = result("GetReportRequestListByNextToken", Map.of("NextToken", MwsXml.text(page.nextToken())));
        }
    }

    /**
     * The ids of the reports of these types not acknowledged yet: GetReportList with {@code Acknowledged=false}
     * (+ByNextToken). The Amazon Pay settlement report guide step 2 also shows asking by ReportRequestIdList, 100 ids a call; the filter
     * asks once for all.
     */
    public Set<String> unacknowledged(List<String> reportTypes) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < reportTypes.size(); i++) {
            parameters.put("ReportTypeList.Type." + (i + 1), reportTypes.get(i));
        }
        parameters.put("Acknowledged", "false");
        Set<String> open = new LinkedHashSet<>();
        MwsXml.Result page = result("GetReportList", parameters);
        PagingGuard guard = PagingGuard.of("GetReportList");
        while (true) {
            guard.page(page.reportsOrEmpty().size(), page.more() ? MwsXml.text(page.nextToken()) : null);
            page.reportsOrEmpty().stream()
                    .filter(report -> !report.isAcknowledged())
                    .map(report -> MwsXml.text(report.reportId()))
                    .forEach(open::add);
            if (!page.more()) {
                return open;
            }
            page = result("GetReportListByNextToken", Map.of("NextToken", MwsXml.text(page.nextToken())));
        }
    }

    /** The report's content, checked against its Content-MD5 while it streams. The caller closes it. */
    public InputStream report(String reportId) {
        HttpResponse<InputStream> response =
                send("GetReport", Map.of("ReportId", reportId), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw failure("GetReport", response, readAll(response.body()));
        }
        InputStream body = GuardedHttp.guard(response.body(), "MWS report " + reportId);
        return response.headers()
                .firstValue("Content-MD5")
                .<InputStream>map(md5 -> new ContentMd5Stream(body, md5, reportId))
                .orElseGet(() -> {
                    LOG.warn("GetReport {}: no Content-MD5 in the answer, the body cannot be checked", reportId);
                    return body;
                });
    }

    /** Marks the reports acknowledged, in batches of at most 100; returns how many Amazon counted. */
    public int acknowledge(List<String> reportIds) {
        int count = 0;
        for (List<String> batch : batches(reportIds)) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                parameters.put("ReportIdList.Id." + (i + 1), batch.get(i));
            }
            parameters.put("Acknowledged", "true");
            MwsXml.Result result = result("UpdateReportAcknowledgements", parameters);
            count += MwsXml.text(result.count()).isEmpty()
                    ? batch.size()
                    : Integer.parseInt(MwsXml.text(result.count()));
        }
        return count;
    }

    private MwsXml.Result result(String action, Map<String, String> parameters) {
        HttpResponse<String> response =
                send(action, parameters, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw failure(action, response, response.body());
        }
        return MwsXml.result(action, response.body());
    }

    private <T> HttpResponse<T> send(
            String action, Map<String, String> actionParameters, HttpResponse.BodyHandler<T> handler) {
        Map<String, String> parameters = new LinkedHashMap<>(actionParameters);
        parameters.put("Action", action);
        parameters.put("AWSAccessKeyId", config.accessKeyId());
        parameters.put("Merchant", config.sellerId());
        config.authToken().ifPresent(token -> parameters.put("MWSAuthToken", token));
        parameters.put("SignatureMethod", SignatureV2.METHOD);
        parameters.put("SignatureVersion", "2");
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        parameters.put("Version", VERSION);
        parameters.put(
                "Signature",
                SignatureV2.sign(SignatureV2.stringToSign("POST", config.endpoint(), parameters), config.secretKey()));
        String form = parameters.entrySet().stream()
                .map(entry -> SignatureV2.encode(entry.getKey()) + "=" + SignatureV2.encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<T> response = GuardedHttp.send(http, request, handler, "MWS " + action);
        ApiCalls.count("mws", action, response.statusCode());
        return response;
    }

    /** Throttling (503 RequestThrottled, QuotaExceeded) and server errors are worth another try; the rest is not. */
    private static MwsApiException failure(String action, HttpResponse<?> response, String body) {
        int status = response.statusCode();
        MwsXml.Error error = MwsXml.error(body);
        String code = error == null ? "HTTP" + status : error.code();
        String message = action + ": " + (error == null ? "no MWS error body" : error.message());
        boolean retryable = status >= 500 || "RequestThrottled".equals(code) || "QuotaExceeded".equals(code);
        return new MwsApiException(
                status,
                code,
                message,
                retryable,
                Throttled.retryAfterHeader(response).orElse(null));
    }

    private static String readAll(InputStream body) {
        try (body) {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += MAX_IDS) {
            batches.add(ids.subList(start, Math.min(ids.size(), start + MAX_IDS)));
        }
        return batches;
    }
}
