package io.payreports.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payreports.mws.SignatureV2;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import io.payreports.simulator.SettlementReportGenerator.TransactionReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MWS Reports API as Amazon Pay's guide describes it (Amazon Pay settlement report guide): GetReportRequestList(+ByNextToken),
 * GetReportList(+ByNextToken), GetReport and UpdateReportAcknowledgements, at {@code POST /} (or GET),
 * Signature Version 2 verified, XML answers and MWS error bodies. It serves the settlement reports of
 * the simulator's USD account, and the capture and refund reports of each settlement period (whose captures and
 * refunds are the settlement's rows, so they reconcile), the way Amazon writes them: a {@code _DONE_NO_DATA_} request among them,
 * one report generated a day late (Amazon Pay settlement report guide, "Missing or misdated reports"), report types and statuses
 * wrapped in whitespace as in the guide's samples, and a Content-MD5 on every download.
 */
public final class MwsSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MwsSimulator.class);
    private static final String NS = "http://mws.amazonaws.com/doc/2009-01-01/";
    private static final String SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";
    private static final DateTimeFormatter XS_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    /** MWS refuses requests whose Timestamp is more than 15 minutes off. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

    private static final int PAGE_SIZE = 4;

    /**
     * @param corruptDownloads how many GetReport answers go out with a wrong Content-MD5, to show the check
     * @param missing          indexes (0-based, oldest first) of settlements Amazon never generated, to show gaps
     * @param merchants        the accounts served, each signing with its own access key and secret for its own
     *                         SellerId and seeing its own region's reports only; empty: the one account of
     *                         {@code accessKeyId}, {@code secretKey} and {@code sellerId}
     */
    public record Options(
            int port,
            String accessKeyId,
            String secretKey,
            String sellerId,
            long seed,
            int days,
            Clock clock,
            Faults faults,
            int corruptDownloads,
            Set<Integer> missing,
            List<SimulatedMerchant> merchants) {

        public Options {
            missing = Set.copyOf(missing);
            merchants = List.copyOf(merchants);
        }

        public static Options of(int port, String accessKeyId, String secretKey, String sellerId, Clock clock) {
            return new Options(
                    port,
                    accessKeyId,
                    secretKey,
                    sellerId,
                    SimulatorOptions.DEFAULT_SEED,
                    90,
                    clock,
                    Faults.none(),
                    0,
                    Set.of(),
                    List.of());
        }

        /** The accounts of these merchants, no faults; see {@link Options#merchants}. */
        public static Options of(int port, List<SimulatedMerchant> merchants, Clock clock) {
            return of(port, "", "", "", clock).withMerchants(merchants);
        }

        public Options withFaults(Faults newFaults) {
            return new Options(
                    port,
                    accessKeyId,
                    secretKey,
                    sellerId,
                    seed,
                    days,
                    clock,
                    newFaults,
                    corruptDownloads,
                    missing,
                    merchants);
        }

        public Options withCorruptDownloads(int count) {
            return new Options(
                    port, accessKeyId, secretKey, sellerId, seed, days, clock, faults, count, missing, merchants);
        }

        public Options withMissing(Set<Integer> indexes) {
            return new Options(
                    port,
                    accessKeyId,
                    secretKey,
                    sellerId,
                    seed,
                    days,
                    clock,
                    faults,
                    corruptDownloads,
                    indexes,
                    merchants);
        }

        public Options withMerchants(List<SimulatedMerchant> served) {
            return new Options(
                    port,
                    accessKeyId,
                    secretKey,
                    sellerId,
                    seed,
                    days,
                    clock,
                    faults,
                    corruptDownloads,
                    missing,
                    served);
        }
    }

    private final Options options;
    private final HttpServer server;
    /** By AWSAccessKeyId. */
    private final Map<String, Seller> sellers = new HashMap<>();

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicInteger corruptLeft;
    private final AtomicInteger downloads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "mws-simulator");
        thread.setDaemon(true);
        return thread;
    });

    private MwsSimulator(Options options) throws IOException {
        this.options = options;
        if (options.merchants().isEmpty()) {
            sellers.put(
                    options.accessKeyId(),
                    new Seller(
                            options.secretKey(),
                            options.sellerId(),
                            SettlementReportGenerator.Books.of(options.seed()),
                            "USD"));
        }
        for (SimulatedMerchant merchant : options.merchants()) {
            sellers.put(
                    merchant.mwsAccessKeyId(),
                    new Seller(
                            merchant.mwsSecretKey(),
                            merchant.mwsSellerId(),
                            merchant.books(options.seed()),
                            merchant.region().currency()));
        }
        this.corruptLeft = new AtomicInteger(options.corruptDownloads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public static MwsSimulator start(Options options) throws IOException {
        MwsSimulator simulator = new MwsSimulator(options);
        simulator.server.start();
        LOG.info("MWS simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** GetReport answers given so far, for tests that count downloads. */
    public int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> parameters = parameters(exchange);
            Optional<Seller> seller = authenticate(exchange, parameters);
            if (seller.isEmpty()) {
                return;
            }
            int injected = options.faults().injectedStatus();
            if (injected != 0) {
                // MWS throttles with 503 RequestThrottled, not 429
                error(
                        exchange,
                        injected == 500 ? 500 : 503,
                        injected == 500 ? "InternalError" : "RequestThrottled",
                        injected == 500
                                ? "We encountered an internal error. Please try again."
                                : "Request is throttled");
                return;
            }
            String action = parameters.getOrDefault("Action", "");
            switch (action) {
                case "GetReportRequestList" -> requestList(exchange, seller.get(), parameters);
                case "GetReportRequestListByNextToken", "GetReportListByNextToken" ->
                    nextPage(exchange, seller.get(), action, parameters.get("NextToken"));
                case "GetReportList" -> reportList(exchange, seller.get(), parameters);
                case "GetReport" -> report(exchange, seller.get(), parameters.get("ReportId"));
                case "UpdateReportAcknowledgements" -> acknowledge(exchange, seller.get(), parameters);
                default -> error(exchange, 400, "InvalidParameterValue", "Invalid Action: " + action);
            }
        } catch (RuntimeException e) {
            LOG.warn("MWS simulator failed on {}", exchange.getRequestURI().getRawPath(), e);
        }
    }

    /** The seller whose keys signed the request right; else empty, the error answered. */
    private Optional<Seller> authenticate(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        for (String required : List.of(
                "AWSAccessKeyId",
                "Action",
                "Signature",
                "SignatureMethod",
                "SignatureVersion",
                "Timestamp",
                "Version")) {
            if (!parameters.containsKey(required)) {
                return refused(exchange, 400, "MissingParameter", "The parameter " + required + " is required.");
            }
        }
        if (!parameters.containsKey("Merchant") && !parameters.containsKey("SellerId")) {
            return refused(exchange, 400, "MissingParameter", "The parameter SellerId or Merchant is required.");
        }
        Seller seller = sellers.get(parameters.get("AWSAccessKeyId"));
        if (seller == null) {
            return refused(
                    exchange,
                    401,
                    "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
        }
        if (!"2".equals(parameters.get("SignatureVersion"))
                || !SignatureV2.METHOD.equals(parameters.get("SignatureMethod"))) {
            return refused(
                    exchange, 400, "InvalidParameterValue", "Only SignatureVersion 2 with HmacSHA256 is supported.");
        }
        URI signedUri = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                + exchange.getRequestURI().getRawPath());
        String expected = SignatureV2.sign(
                SignatureV2.stringToSign(exchange.getRequestMethod(), signedUri, parameters), seller.secretKey());
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                parameters.get("Signature").getBytes(StandardCharsets.UTF_8))) {
            return refused(
                    exchange,
                    401,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        String sellerId = parameters.getOrDefault("Merchant", parameters.get("SellerId"));
        if (!sellerId.equals(seller.sellerId())) {
            return refused(
                    exchange,
                    401,
                    "AccessDenied",
                    "Access to Reports.GetReport is denied for seller " + sellerId + ".");
        }
        try {
            Instant timestamp = Instant.parse(parameters.get("Timestamp"));
            if (Duration.between(timestamp, options.clock().instant()).abs().compareTo(CLOCK_SKEW) > 0) {
                return refused(
                        exchange,
                        400,
                        "RequestExpired",
                        "Request has expired. Timestamp date is " + parameters.get("Timestamp"));
            }
        } catch (DateTimeParseException e) {
            return refused(
                    exchange,
                    400,
                    "InvalidParameterValue",
                    "Timestamp is not an ISO 8601 date: " + parameters.get("Timestamp"));
        }
        return Optional.of(seller);
    }

    private static Optional<Seller> refused(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        error(exchange, status, code, message);
        return Optional.empty();
    }

    /**
     * One account: the secret it signs with, its SellerId, the settlements of its currency, and which of its reports
     * it acknowledged (report ids are the same sequence in every account, as each account's own numbering).
     */
    private record Seller(
            String secretKey,
            String sellerId,
            SettlementReportGenerator.Books books,
            String currency,
            Map<String, Instant> acknowledged) {

        Seller(String secretKey, String sellerId, SettlementReportGenerator.Books books, String currency) {
            this(secretKey, sellerId, books, currency, new ConcurrentHashMap<>());
        }
    }

    /** The entries after a page, kept for the seller that asked for it. */
    private record Page(Seller seller, List<String> rest) {}

    private void requestList(HttpExchange exchange, Seller seller, Map<String, String> parameters) throws IOException {
        Instant from = Optional.ofNullable(parameters.get("RequestedFromDate"))
                .map(Instant::parse)
                .orElse(options.clock().instant().minus(Duration.ofDays(90)));
        Instant to = Optional.ofNullable(parameters.get("RequestedToDate"))
                .map(Instant::parse)
                .orElse(options.clock().instant());
        List<String> types = listed(parameters, "ReportTypeList.Type.");
        List<String> entries = catalog(seller).stream()
                .filter(report -> types.isEmpty() || types.contains(report.reportType()))
                .filter(report -> !report.submitted().isBefore(from)
                        && !report.submitted().isAfter(to))
                .map(MwsSimulator::requestInfo)
                .toList();
        page(exchange, seller, "GetReportRequestList", "ReportRequestInfo", entries);
    }

    private void reportList(HttpExchange exchange, Seller seller, Map<String, String> parameters) throws IOException {
        List<String> requestIds = listed(parameters, "ReportRequestIdList.Id.");
        // the Amazon Pay settlement report guide: "If you pass in ReportRequestId values, other query conditions are
        // ignored."
        String wanted = parameters.get("Acknowledged");
        List<String> types = listed(parameters, "ReportTypeList.Type.");
        List<String> entries = catalog(seller).stream()
                .filter(report -> report.reportId() != null)
                .filter(report -> types.isEmpty() || types.contains(report.reportType()))
                .filter(report -> requestIds.isEmpty()
                        ? wanted == null
                                || Boolean.parseBoolean(wanted)
                                        == seller.acknowledged().containsKey(report.reportId())
                        : requestIds.contains(report.requestId()))
                .map(report -> reportInfo(seller, report))
                .toList();
        page(exchange, seller, "GetReportList", "ReportInfo", entries);
    }

    /** Answers the first page and keeps the rest under a token, as MWS does with MaxCount 100 (smaller here, to page). */
    private void page(HttpExchange exchange, Seller seller, String action, String element, List<String> entries)
            throws IOException {
        List<String> first = entries.subList(0, Math.min(PAGE_SIZE, entries.size()));
        String token = "";
        if (entries.size() > PAGE_SIZE) {
            token = UUID.randomUUID().toString();
            pages.put(token, new Page(seller, new ArrayList<>(entries.subList(PAGE_SIZE, entries.size()))));
        }
        xml(
                exchange,
                action,
                "<NextToken>" + token + "</NextToken>\n <HasNext>" + !token.isEmpty() + "</HasNext>\n"
                        + String.join("", first));
        LOG.debug("{}: {} {} entries", action, entries.size(), element);
    }

    private void nextPage(HttpExchange exchange, Seller seller, String action, String token) throws IOException {
        Page rest = token == null ? null : pages.get(token);
        if (rest == null || rest.seller() != seller || !pages.remove(token, rest)) {
            error(exchange, 400, "InvalidParameterValue", "Invalid NextToken: " + token);
            return;
        }
        page(exchange, seller, action, "next page", rest.rest());
    }

    private void report(HttpExchange exchange, Seller seller, String reportId) throws IOException {
        Optional<CatalogEntry> entry = catalog(seller).stream()
                .filter(report -> reportId != null && reportId.equals(report.reportId()))
                .findFirst();
        if (entry.isEmpty()) {
            error(exchange, 400, "InvalidParameterValue", "Invalid ReportId: " + reportId);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            if (entry.get().transactions() == null) {
                SettlementReportGenerator.write(entry.get().settlement(), out);
            } else {
                SettlementReportGenerator.writeTransactions(
                        entry.get().settlement(),
                        entry.get().transactions(),
                        entry.get().oldest() && options.faults().unsettledCapture(),
                        out);
            }
        }
        byte[] body = bytes.toByteArray();
        String md5 = md5(corruptLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? new byte[] {1} : body);
        downloads.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
        exchange.getResponseHeaders().add("Content-MD5", md5);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void acknowledge(HttpExchange exchange, Seller seller, Map<String, String> parameters) throws IOException {
        List<String> reportIds = listed(parameters, "ReportIdList.Id.");
        if (reportIds.isEmpty() || reportIds.size() > 100) {
            error(
                    exchange,
                    400,
                    "InvalidParameterValue",
                    "ReportIdList must name 1 to 100 reports, not " + reportIds.size());
            return;
        }
        boolean value = !"false".equals(parameters.get("Acknowledged"));
        List<String> infos = new ArrayList<>();
        for (CatalogEntry report : catalog(seller)) {
            if (report.reportId() != null && reportIds.contains(report.reportId())) {
                if (value) {
                    seller.acknowledged()
                            .putIfAbsent(report.reportId(), options.clock().instant());
                } else {
                    seller.acknowledged().remove(report.reportId());
                }
                infos.add(reportInfo(seller, report));
            }
        }
        xml(exchange, "UpdateReportAcknowledgements", "<Count>" + infos.size() + "</Count>\n" + String.join("", infos));
    }

    /**
     * One generated report request per settlement of the seller's currency (the one merchant's USD account), plus one
     * request that found no data.
     */
    private List<CatalogEntry> catalog(Seller seller) {
        List<Settlement> settlements =
                SettlementReportGenerator.plan(seller.books(), options.clock().instant(), options.days()).stream()
                        .filter(settlement -> settlement.currency().equals(seller.currency()))
                        .toList();
        List<CatalogEntry> catalog = new ArrayList<>();
        for (int i = 0; i < settlements.size(); i++) {
            if (options.missing().contains(i)) {
                continue;
            }
            Settlement settlement = settlements.get(i);
            // one report in the middle comes a day late, as the Amazon Pay settlement report guide warns
            Duration delay = i == settlements.size() / 2 ? Duration.ofHours(25) : Duration.ofMinutes(73);
            long number = 11_162_090_683L + i * 16_459L;
            catalog.add(new CatalogEntry(
                    String.valueOf(7_332_234_344L + i * 6_823L),
                    String.valueOf(number),
                    settlement,
                    null,
                    i == 0,
                    settlement.start(),
                    settlement.end(),
                    settlement.end().plus(delay)));
            // the period's capture and refund reports, generated at the midnight after it closed (the guide:
            // "Transaction reports are generated at midnight"); one per period rather than per day keeps the demo small
            Instant midnight = settlement.end().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
            for (TransactionReport transactions : TransactionReport.values()) {
                int n = 1 + transactions.ordinal();
                catalog.add(new CatalogEntry(
                        String.valueOf(7_332_234_344L + i * 6_823L + n),
                        String.valueOf(number + n),
                        settlement,
                        transactions,
                        i == 0,
                        settlement.start(),
                        settlement.end(),
                        midnight.plus(Duration.ofMinutes(7L * n))));
            }
        }
        // a request for the day after the last settlement, which found nothing to report
        Instant lastEnd = settlements.get(settlements.size() - 1).end();
        catalog.add(new CatalogEntry(
                "7399000001",
                null,
                null,
                null,
                false,
                lastEnd,
                lastEnd.plus(Duration.ofDays(1)),
                lastEnd.plus(Duration.ofHours(25))));
        return catalog;
    }

    /**
     * @param transactions the transaction report of the settlement's period, or null for the settlement report
     * @param oldest       whether the settlement is the oldest served (where the unsettled-capture fault lands)
     */
    private record CatalogEntry(
            String requestId,
            String reportId,
            Settlement settlement,
            TransactionReport transactions,
            boolean oldest,
            Instant start,
            Instant end,
            Instant submitted) {

        String reportType() {
            return transactions == null ? SETTLEMENT : transactions.reportType();
        }
    }

    /** Written like the guide's sample (Amazon Pay settlement and transaction reports guide): values on their own indented lines. */
    private static String requestInfo(CatalogEntry report) {
        boolean done = report.reportId() != null;
        return " <ReportRequestInfo>\n  <ReportRequestId>" + report.requestId()
                + "</ReportRequestId>\n  <ReportType>\n   "
                + report.reportType() + "\n  </ReportType>\n  <StartDate>" + xsDateTime(report.start())
                + "</StartDate>\n  <EndDate>" + xsDateTime(report.end())
                + "</EndDate>\n  <Scheduled>false</Scheduled>\n  <SubmittedDate>" + xsDateTime(report.submitted())
                + "</SubmittedDate>\n"
                + "  <ReportProcessingStatus>" + (done ? " _DONE_ " : "_DONE_NO_DATA_") + "</ReportProcessingStatus>\n"
                + (done ? "  <GeneratedReportId>" + report.reportId() + "</GeneratedReportId>\n" : "")
                + "  <CompletedDate>" + xsDateTime(report.submitted()) + "</CompletedDate>\n </ReportRequestInfo>\n";
    }

    /** As Amazon's answers in the guide write times: {@code 2015-06-13T00:00:18+00:00}. */
    private static String xsDateTime(Instant instant) {
        return XS_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String reportInfo(Seller seller, CatalogEntry report) {
        Instant ackDate = seller.acknowledged().get(report.reportId());
        return " <ReportInfo>\n  <ReportId>" + report.reportId() + "</ReportId>\n  <ReportType>" + report.reportType()
                + "</ReportType>\n"
                + "  <ReportRequestId>" + report.requestId() + "</ReportRequestId>\n  <AvailableDate>"
                + xsDateTime(report.submitted())
                + "</AvailableDate>\n  <Acknowledged>" + (ackDate != null) + "</Acknowledged>\n"
                + (ackDate != null ? "  <AcknowledgedDate>" + xsDateTime(ackDate) + "</AcknowledgedDate>\n" : "")
                + " </ReportInfo>\n";
    }

    private static List<String> listed(Map<String, String> parameters, String prefix) {
        return parameters.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    private static void xml(HttpExchange exchange, String action, String result) throws IOException {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + NS + "\">\n<"
                + action + "Result>\n"
                + result + "</" + action + "Result>\n<ResponseMetadata>\n <RequestId>" + UUID.randomUUID()
                + "</RequestId>\n</ResponseMetadata>\n</"
                + action + "Response>\n";
        send(exchange, 200, body);
    }

    private static String error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(
                exchange,
                status,
                "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>"
                        + (status >= 500 ? "Receiver" : "Sender")
                        + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestID>"
                        + UUID.randomUUID()
                        + "</RequestID></ErrorResponse>");
        return code;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Form body (POST) or query string (GET), decoded. */
    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        String encoded;
        try (InputStream body = exchange.getRequestBody()) {
            encoded = "POST".equals(exchange.getRequestMethod())
                    ? new String(body.readAllBytes(), StandardCharsets.UTF_8)
                    : Optional.ofNullable(exchange.getRequestURI().getRawQuery())
                            .orElse("");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                parameters.put(
                        name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }
}
