package io.payreports.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.amazonpay.AmazonPayJson;
import io.payreports.amazonpay.AmazonPaySignatureVerifier;
import io.payreports.amazonpay.Disbursement;
import io.payreports.amazonpay.DisbursementsPage;
import io.payreports.amazonpay.Report;
import io.payreports.amazonpay.ReportDocument;
import io.payreports.amazonpay.ReportsPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Amazon Pay API v2 reporting (design.md §3): Amazon's paths and JSON shapes,
 * every call's AMZN-PAY-RSASSA-PSS-V2 signature verified, error bodies as Amazon writes them, and
 * document URLs that, like Amazon's pre-signed S3 URLs, stop working 30 s after they are handed out.
 */
public final class AmazonPaySimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonPaySimulator.class);
    /**
     * The SDKs put the environment in the path ({@code /live/v2}, {@code /sandbox/v2}) unless the
     * public key id carries it ({@code LIVE-...}, {@code SANDBOX-...}): then the path is just {@code /v2}.
     */
    private static final Pattern API_PATH = Pattern.compile("^(?:/(live|sandbox))?/v2(/.*)$");

    /** A document of the one merchant, or {@code /tortuga/<account>/<document>} of a named account's. */
    private static final Pattern DOWNLOAD_PATH = Pattern.compile("^/tortuga/((?:[^/]+/)?[^/]+)$");

    private static final Pattern PUBLIC_KEY_ID = Pattern.compile("PublicKeyId=([^,\\s]+)");
    /** Amazon: "The url is valid for 30 seconds only" (Amazon Pay report download guide). */
    static final Duration URL_LIFETIME = Duration.ofSeconds(30);

    private static final String SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";
    private static final Set<String> FILTERS =
            Set.of("reportTypes", "processingStatuses", "createdSince", "createdUntil", "pageSize");

    private final SimulatorOptions options;
    /** The one merchant, when no accounts are named. */
    private final Merchant soleMerchant;

    private final Map<String, Merchant> merchantsByPublicKeyId = new LinkedHashMap<>();
    private final Map<String, Merchant> merchantsByName = new LinkedHashMap<>();
    private final AmazonPaySignatureVerifier verifier;
    private final byte[] urlSecret = new byte[32];
    private final Map<Path, Instant> filesFirstSeen = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "amazonpay-simulator");
        thread.setDaemon(true);
        return thread;
    });

    private AmazonPaySimulator(SimulatorOptions options) throws IOException {
        this.options = options;
        this.soleMerchant = new Merchant(
                "",
                new SimulatedAccount(options.clock()),
                SettlementReportGenerator.Books.of(options.seed()),
                options.dataDir());
        Map<String, PublicKey> namedKeys = new LinkedHashMap<>();
        for (SimulatedMerchant named : options.merchants()) {
            Merchant served = new Merchant(
                    named.name() + "/",
                    new SimulatedAccount(options.clock()),
                    named.books(options.seed()),
                    options.dataDir().map(dir -> dir.resolve(named.name())));
            merchantsByPublicKeyId.put(named.publicKeyId(), served);
            merchantsByName.put(named.name(), served);
            namedKeys.put(named.publicKeyId(), named.amazonPayKeys().getPublic());
        }
        this.verifier = new AmazonPaySignatureVerifier(
                namedKeys.isEmpty() ? options.publicKeys() : id -> Optional.ofNullable(namedKeys.get(id)));
        new SecureRandom().nextBytes(urlSecret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public static AmazonPaySimulator start(SimulatorOptions options) throws IOException {
        AmazonPaySimulator simulator = new AmazonPaySimulator(options);
        simulator.server.start();
        LOG.info("Amazon Pay simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves another API's paths on this port (the SP-API simulator's), beside Amazon Pay's. */
    public void mount(String pathPrefix, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(pathPrefix, handler);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        int status;
        try (exchange) {
            Matcher api = API_PATH.matcher(path);
            Matcher download = DOWNLOAD_PATH.matcher(path);
            if (api.matches()) {
                // the Java SDK calls getReports as /reports/ with a trailing slash
                String operationPath = api.group(2).length() > 1 && api.group(2).endsWith("/")
                        ? api.group(2).substring(0, api.group(2).length() - 1)
                        : api.group(2);
                status = api(exchange, api.group(1) != null ? api.group(1) : environmentOfKey(exchange), operationPath);
            } else if (download.matches()) {
                status = download(exchange, URLDecoder.decode(download.group(1), StandardCharsets.UTF_8));
            } else {
                status = error(exchange, 404, "ResourceNotFound", "The requested resource does not exist.");
            }
        } catch (RuntimeException e) {
            LOG.warn("simulator failed on {} {}", exchange.getRequestMethod(), path, e);
            status = 500;
        }
        // never the query string: document URLs carry their signature there
        LOG.debug(
                "{} {} -> {} in {} ms",
                exchange.getRequestMethod(),
                path,
                status,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String environmentOfKey(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("authorization");
        // the SDK's test (Util#getServiceURI): the key id starts with SANDBOX, in any case
        return authorization != null && authorization.toUpperCase(Locale.ROOT).contains("PUBLICKEYID=SANDBOX")
                ? "sandbox"
                : "live";
    }

    private int api(HttpExchange exchange, String environment, String operationPath) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        AmazonPaySignatureVerifier.Result verification = verifier.verify(
                exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body);
        if (!verification.valid()) {
            return error(exchange, verification.status(), verification.reasonCode(), verification.message());
        }
        if (options.faults().slowMillis() > 0) {
            sleep(options.faults().slowMillis());
        }
        int injected = options.faults().injectedStatus();
        if (injected == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            return error(exchange, 429, "TooManyRequests", "The request rate is too high.");
        }
        if (injected != 0) {
            return error(
                    exchange,
                    injected,
                    injected == 500 ? "InternalServerError" : "ServiceUnavailable",
                    "Simulated failure.");
        }
        try {
            return operation(
                    exchange,
                    merchantOf(exchange),
                    environment,
                    exchange.getRequestMethod() + " " + operationPath,
                    body);
        } catch (SimulatedAccount.Rejected e) {
            return error(exchange, 400, e.reasonCode(), e.getMessage());
        }
    }

    /** The merchant a verified request is for: the one, or the named account whose PublicKeyId signed it. */
    private Merchant merchantOf(HttpExchange exchange) {
        if (merchantsByPublicKeyId.isEmpty()) {
            return soleMerchant;
        }
        Matcher keyId = PUBLIC_KEY_ID.matcher(exchange.getRequestHeaders().getFirst("authorization"));
        if (!keyId.find()) {
            throw new IllegalStateException("a verified request names its PublicKeyId");
        }
        return merchantsByPublicKeyId.get(keyId.group(1));
    }

    /** Dispatches one verified call by method and path (Amazon Pay reports API reference's operations). */
    private int operation(HttpExchange exchange, Merchant merchant, String environment, String call, byte[] body)
            throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, String> query = query(uri.getRawQuery());
        SimulatedAccount account = merchant.account();
        if (call.equals("GET /reports")) {
            return listReports(exchange, reports(merchant, environment), query);
        }
        if (call.equals("POST /reports")) {
            Map<String, String> request = jsonBody(body);
            String id = account.createReport(
                    exchange.getRequestHeaders().getFirst("x-amz-pay-idempotency-key"),
                    request.get("reportType"),
                    request.get("startTime"),
                    request.get("endTime"));
            return json(exchange, 201, Map.of("reportId", id));
        }
        if (call.startsWith("GET /reports/")) {
            String id = lastSegment(call);
            return reports(merchant, environment).stream()
                    .filter(report -> report.reportId().equals(id))
                    .findFirst()
                    .map(report -> json(exchange, 200, report))
                    .orElseGet(() -> error(exchange, 404, "ResourceNotFound", "Report " + id + " does not exist."));
        }
        if (call.startsWith("GET /report-documents/")) {
            String id = lastSegment(call);
            if (catalog(merchant).stream()
                    .noneMatch(report -> id.equals(report.report().reportDocumentId()))) {
                return error(exchange, 404, "ResourceNotFound", "Report document " + id + " does not exist.");
            }
            return json(exchange, 200, new ReportDocument(id, presignedUrl(merchant.documentPrefix() + id), "N/A"));
        }
        if (call.equals("GET /report-schedules")) {
            return json(exchange, 200, Map.of("reportSchedules", account.schedules(list(query.get("reportTypes")))));
        }
        if (call.equals("POST /report-schedules")) {
            Map<String, String> request = jsonBody(body);
            String id = account.createSchedule(
                    request.get("reportType"),
                    request.get("scheduleFrequency"),
                    request.get("nextReportCreationTime"),
                    Boolean.parseBoolean(query.get("deleteExistingSchedule")));
            return json(exchange, 201, Map.of("reportScheduleId", id));
        }
        if (call.startsWith("GET /report-schedules/")) {
            String id = lastSegment(call);
            // Amazon's reference answers one schedule inside a reportSchedules list
            return account.schedule(id)
                    .map(schedule -> json(exchange, 200, Map.of("reportSchedules", List.of(schedule))))
                    .orElseGet(() ->
                            error(exchange, 404, "ResourceNotFound", "Report schedule " + id + " does not exist."));
        }
        if (call.startsWith("DELETE /report-schedules/")) {
            String id = lastSegment(call);
            return account.cancelSchedule(id)
                    ? json(exchange, 200, Map.of())
                    : error(exchange, 404, "ResourceNotFound", "Report schedule " + id + " does not exist.");
        }
        if (call.equals("GET /disbursements")) {
            return listDisbursements(exchange, merchant, query);
        }
        return error(exchange, 404, "ResourceNotFound", "The requested resource does not exist.");
    }

    private int listReports(HttpExchange exchange, List<Report> all, Map<String, String> query) {
        Paging paging = paging(query, FILTERS, 10);
        Instant since = paging.instant("createdSince", options.clock().instant().minus(Duration.ofDays(90)));
        Instant until = paging.instant("createdUntil", options.clock().instant());
        List<String> types = list(paging.query().get("reportTypes"));
        List<String> statuses = list(paging.query().get("processingStatuses"));
        List<Report> matching = all.stream()
                .filter(report -> types.isEmpty() || types.contains(report.reportType()))
                .filter(report -> statuses.isEmpty()
                        || statuses.contains(report.processingStatus().name()))
                .filter(report -> !report.createdTime().isBefore(since)
                        && !report.createdTime().isAfter(until))
                .toList();
        return json(exchange, 200, new ReportsPage(paging.page(matching), paging.nextToken(matching.size())));
    }

    private int listDisbursements(HttpExchange exchange, Merchant merchant, Map<String, String> query) {
        Paging paging = paging(query, Set.of("startTime", "endTime", "pageSize"), 100);
        Instant start = SimulatedAccount.time("startTime", paging.query().get("startTime"));
        Instant end = SimulatedAccount.time("endTime", paging.query().get("endTime"));
        List<SettlementReportGenerator.Settlement> plan = options.generate() ? plan(merchant) : List.of();
        List<Disbursement> matching = SimulatedAccount.disbursements(
                plan.stream()
                        .filter(settlement ->
                                !breaksIn(plan, settlement).contains(SettlementBreak.MISSING_DISBURSEMENT))
                        .toList(),
                start,
                end);
        return json(exchange, 200, new DisbursementsPage(paging.page(matching), paging.nextToken(matching.size())));
    }

    /**
     * Amazon's paging (Amazon Pay reports API reference): pageSize 1-100, and a nextToken that must come alone and stands
     * for the first page's filters plus where the next page starts.
     */
    private final class Paging {
        private final Map<String, String> query;
        private final int offset;
        private final int pageSize;

        private Paging(Map<String, String> query, int offset, int pageSize) {
            this.query = query;
            this.offset = offset;
            this.pageSize = pageSize;
        }

        Map<String, String> query() {
            return query;
        }

        Instant instant(String name, Instant absent) {
            return query.containsKey(name) ? SimulatedAccount.time(name, query.get(name)) : absent;
        }

        <T> List<T> page(List<T> all) {
            return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + pageSize));
        }

        String nextToken(int total) {
            if (offset + pageSize >= total) {
                return null;
            }
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("offset", Integer.toString(offset + pageSize));
            return encodeToken(next);
        }
    }

    private Paging paging(Map<String, String> request, Set<String> filters, int defaultPageSize) {
        Map<String, String> query = request;
        int offset = 0;
        if (query.containsKey("nextToken")) {
            if (query.size() > 1) {
                throw new SimulatedAccount.Rejected(
                        "InvalidParameterValue", "nextToken cannot be combined with other parameters.");
            }
            query = decodeToken(query.get("nextToken"))
                    .orElseThrow(() ->
                            new SimulatedAccount.Rejected("InvalidParameterValue", "The nextToken is not valid."));
            offset = Integer.parseInt(query.remove("offset"));
        }
        for (String name : query.keySet()) {
            if (!filters.contains(name)) {
                throw new SimulatedAccount.Rejected("InvalidParameterValue", "Unknown parameter " + name + ".");
            }
        }
        int pageSize;
        try {
            pageSize = Integer.parseInt(query.getOrDefault("pageSize", Integer.toString(defaultPageSize)));
        } catch (NumberFormatException e) {
            throw new SimulatedAccount.Rejected("InvalidParameterValue", "pageSize must be a number.");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new SimulatedAccount.Rejected("InvalidParameterValue", "pageSize must be between 1 and 100.");
        }
        return new Paging(query, offset, pageSize);
    }

    /** @param documentKey the document id, after its account's name and a slash for a named account's */
    private int download(HttpExchange exchange, String documentKey) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String date = query.getOrDefault("X-Amz-Date", "");
        if (!sign(documentKey + "\n" + date).equals(query.get("X-Amz-Signature"))) {
            return s3Error(
                    exchange,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.");
        }
        Instant issued;
        try {
            issued = AmazonPayDates.parse(date);
        } catch (IllegalArgumentException e) {
            return s3Error(exchange, "AccessDenied", "X-Amz-Date is not valid");
        }
        if (options.clock().instant().isAfter(issued.plus(URL_LIFETIME))) {
            return s3Error(exchange, "AccessDenied", "Request has expired");
        }
        int slash = documentKey.indexOf('/');
        Optional<Merchant> owner = slash < 0
                ? Optional.of(soleMerchant).filter(one -> merchantsByName.isEmpty())
                : Optional.ofNullable(merchantsByName.get(documentKey.substring(0, slash)));
        String documentId = documentKey.substring(slash + 1);
        Optional<SimulatedReport> report = owner.stream()
                .flatMap(served -> catalog(served).stream())
                .filter(candidate -> documentId.equals(candidate.report().reportDocumentId()))
                .findFirst();
        if (report.isEmpty()) {
            return s3Error(exchange, "NoSuchKey", "The specified key does not exist.");
        }
        exchange.getResponseHeaders().add("Content-Type", options.documentContentType());
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            report.get().content().writeTo(out);
        }
        return 200;
    }

    private String presignedUrl(String documentKey) {
        Instant issued = options.faults().expireNextUrl()
                ? options.clock().instant().minus(URL_LIFETIME.multipliedBy(2))
                : options.clock().instant();
        String date = AmazonPayDates.basic(issued);
        return options.documentBaseUrl().orElse(baseUrl()) + "/tortuga/" + documentKey
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + date + "&X-Amz-Expires=" + URL_LIFETIME.toSeconds()
                + "&X-Amz-Signature=" + sign(documentKey + "\n" + date);
    }

    /** Report metadata for one environment: sandbox knows only the sandbox settlement type (Amazon Pay report download guide). */
    private List<Report> reports(Merchant merchant, String environment) {
        List<Report> reports = new ArrayList<>();
        for (SimulatedReport simulated : catalog(merchant)) {
            Report report = simulated.report();
            reports.add(
                    environment.equals("live")
                            ? report
                            : new Report(
                                    report.reportId(),
                                    SANDBOX_SETTLEMENT,
                                    report.startTime(),
                                    report.endTime(),
                                    report.createdTime(),
                                    report.processingStatus(),
                                    report.processingStartTime(),
                                    report.processingEndTime(),
                                    report.reportDocumentId()));
        }
        reports.sort(Comparator.comparing(Report::createdTime).thenComparing(Report::reportId));
        return reports;
    }

    /** The injected breaks that land in this settlement of the plan. */
    private Set<SettlementBreak> breaksIn(
            List<SettlementReportGenerator.Settlement> plan, SettlementReportGenerator.Settlement settlement) {
        return options.faults().breaks().stream()
                .filter(b -> b.target(plan).filter(settlement::equals).isPresent())
                .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(SettlementBreak.class)));
    }

    private List<SettlementReportGenerator.Settlement> plan(Merchant merchant) {
        return SettlementReportGenerator.plan(merchant.books(), options.clock().instant(), options.days());
    }

    /** Built per call, so that a running simulator moves on with its clock like Amazon does. */
    private List<SimulatedReport> catalog(Merchant merchant) {
        List<SimulatedReport> catalog = new ArrayList<>();
        List<SettlementReportGenerator.Settlement> plan = plan(merchant);
        if (options.generate()) {
            plan.forEach(settlement -> catalog.add(
                    SimulatedReport.generated(settlement, SimulatedReport.SETTLEMENT, breaksIn(plan, settlement))));
        }
        // requested sandbox settlements carry data like the newest settlement's
        catalog.addAll(merchant.account()
                .requestedReports(plan.get(plan.size() - 1), options.faults().failedReports()));
        merchant.dataDir()
                .filter(dir -> merchant == soleMerchant || Files.isDirectory(dir))
                .ifPresent(dir -> {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
                        for (Path file : files) {
                            catalog.add(SimulatedReport.fromFile(
                                    file,
                                    filesFirstSeen.computeIfAbsent(
                                            file, seen -> options.clock().instant())));
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(
                                "cannot read the simulator's data directory " + dir + ": " + e.getMessage(), e);
                    }
                });
        return catalog;
    }

    /**
     * One merchant account: what it remembers between calls, whose settlements it serves, its extra reports, and
     * where its document URLs point ({@code /tortuga/<prefix><document id>}).
     */
    private record Merchant(
            String documentPrefix,
            SimulatedAccount account,
            SettlementReportGenerator.Books books,
            Optional<Path> dataDir) {}

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(urlSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String encodeToken(Map<String, String> state) {
        try {
            String json = AmazonPayJson.MAPPER.writeValueAsString(state);
            String payload =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            return payload + "." + sign(payload).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, String>> decodeToken(String token) {
        int dot = token.lastIndexOf('.');
        if (dot < 0 || !sign(token.substring(0, dot)).substring(0, 16).equals(token.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.substring(0, dot));
            return Optional.of(new LinkedHashMap<>(AmazonPayJson.MAPPER.readValue(json, Map.class)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String lastSegment(String call) {
        return URLDecoder.decode(call.substring(call.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> jsonBody(byte[] body) {
        try {
            Map<String, Object> fields = AmazonPayJson.MAPPER.readValue(body, Map.class);
            Map<String, String> text = new LinkedHashMap<>();
            fields.forEach((name, value) -> text.put(name, value == null ? null : value.toString()));
            return text;
        } catch (IOException e) {
            throw new SimulatedAccount.Rejected("InvalidRequestFormat", "The request body is not valid JSON.");
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (!pair.isEmpty()) {
                    query.put(
                            decode(equals < 0 ? pair : pair.substring(0, equals)),
                            equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static int json(HttpExchange exchange, int status, Object body) {
        try {
            byte[] bytes = AmazonPayJson.MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            return status;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Amazon Pay's error body: {@code {"reasonCode": ..., "message": ...}}. */
    private static int error(HttpExchange exchange, int status, String reasonCode, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reasonCode", reasonCode);
        body.put("message", message);
        return json(exchange, status, body);
    }

    /** Pre-signed S3 URLs answer 403 with S3's XML error. */
    private static int s3Error(HttpExchange exchange, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(code.equals("NoSuchKey") ? 404 : 403, body.length);
        exchange.getResponseBody().write(body);
        return 403;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
