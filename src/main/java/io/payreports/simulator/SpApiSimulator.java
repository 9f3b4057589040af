package io.payreports.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiException;
import io.payreports.spapi.SpApiJson;
import io.payreports.spapi.SpApiOperation;
import io.payreports.spapi.TokenBucket;
import io.payreports.spapi.UsagePlan;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Selling Partner API (design.md §3): Login with Amazon's token endpoint,
 * Finances listTransactions (Finances API v2024-06-19) and Transfers getPaymentMethods and
 * initiatePayout (Transfers API v2024-06-01) at Amazon's paths and in the shapes of Amazon's current
 * models, with access tokens checked, the models' usage plans enforced as 429 QuotaExceeded, and one
 * on-demand payout per marketplace and account type in 24 hours. Every SP-API exchange goes past the
 * installed {@link SpApiExchangeCheck}s (the test suite's model validator). Runs on its own port, or
 * mounted beside the Amazon Pay simulator on the same one.
 */
public final class SpApiSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpApiSimulator.class);
    public static final String LWA_PATH = "/auth/o2/token";
    private static final String REQUEST_BODY = "payreports.spApiRequestBody";
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    /** Finances reference: dates "no later than two minutes before the request was submitted". */
    private static final Duration NOT_LATER_THAN_BEFORE_NOW = Duration.ofMinutes(2);
    /** Finances reference: "If PostedAfter and PostedBefore are more than 180 days apart, no transactions are returned." */
    private static final Duration MAX_SPAN = Duration.ofDays(180);
    /** Transfers model: "You can only initiate one on-demand payout for each marketplace and account type within a 24-hour period." */
    private static final Duration PAYOUT_INTERVAL = Duration.ofHours(24);

    private final SpApiSimulatorOptions options;
    /** The one seller, when no accounts are named. */
    private final Seller soleSeller;
    /** By their LWA client and refresh token; empty: any non-blank ones are the sole seller's. */
    private final Map<LwaCredentials, Seller> sellers = new HashMap<>();

    private final Map<String, Seller> sellersByName = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final List<SpApiExchangeCheck> checks = SpApiExchangeCheck.installed();
    private final Map<SpApiOperation, AtomicLong> calls = new EnumMap<>(SpApiOperation.class);
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong tokenExchanges = new AtomicLong();
    private final AtomicInteger nextTokensToReject;
    private final byte[] tokenSecret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final HttpServer ownServer;
    private final ExecutorService executor;

    private SpApiSimulator(SpApiSimulatorOptions options, HttpServer ownServer, ExecutorService executor) {
        this.options = options;
        boolean missingDisbursement = options.faults().breaks().contains(SettlementBreak.MISSING_DISBURSEMENT);
        this.soleSeller = new Seller(
                new SimulatedTransactions(options.seed(), options.clock(), missingDisbursement),
                new SimulatedTransfers(),
                options);
        options.credentials()
                .filter(any -> options.merchants().isEmpty())
                .ifPresent(expected -> sellers.put(expected, soleSeller));
        for (SimulatedMerchant merchant : options.merchants()) {
            Seller seller = new Seller(
                    SimulatedTransactions.of(merchant, options.seed(), options.clock(), missingDisbursement),
                    SimulatedTransfers.of(merchant),
                    options);
            sellers.put(merchant.lwa(), seller);
            sellersByName.put(merchant.name(), seller);
        }
        this.nextTokensToReject = new AtomicInteger(options.rejectNextTokens());
        this.ownServer = ownServer;
        this.executor = executor;
        random.nextBytes(tokenSecret);
        for (SpApiOperation operation : SpApiOperation.values()) {
            calls.put(operation, new AtomicLong());
        }
    }

    /**
     * One selling partner's side: its transactions, payment methods, payouts, and the usage plans Amazon counts per
     * selling partner and app.
     */
    private static final class Seller {
        private final SimulatedTransactions transactions;
        private final SimulatedTransfers transfers;
        private final Map<SpApiOperation, TokenBucket> usagePlans = new EnumMap<>(SpApiOperation.class);
        private final Map<String, Instant> lastPayout = new ConcurrentHashMap<>();

        Seller(SimulatedTransactions transactions, SimulatedTransfers transfers, SpApiSimulatorOptions options) {
            this.transactions = transactions;
            this.transfers = transfers;
            for (SpApiOperation operation : SpApiOperation.values()) {
                UsagePlan plan = options.usagePlan(operation);
                usagePlans.put(operation, new TokenBucket(plan.rate(), plan.burst()));
            }
        }
    }

    private record AccessToken(Instant expires, Seller seller) {}

    /** On its own 127.0.0.1 port. */
    public static SpApiSimulator start(SpApiSimulatorOptions options) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 50);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "spapi-simulator");
            thread.setDaemon(true);
            return thread;
        });
        SpApiSimulator simulator = new SpApiSimulator(options, server, executor);
        simulator.mountOn(server);
        server.setExecutor(executor);
        server.start();
        LOG.info("SP-API simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    /** Beside the Amazon Pay simulator, on its port: the SP-API and LWA paths do not overlap Amazon Pay's. */
    public static SpApiSimulator mount(AmazonPaySimulator amazonPay, SpApiSimulatorOptions options) {
        SpApiSimulator simulator = new SpApiSimulator(options, null, null);
        amazonPay.mount(LWA_PATH, simulator::handleLwa);
        amazonPay.mount("/finances/", simulator::handleApi);
        return simulator;
    }

    private void mountOn(HttpServer server) {
        server.createContext(LWA_PATH, this::handleLwa);
        server.createContext("/finances/", this::handleApi);
    }

    /** The base URL when running on its own port. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ownServer.getAddress().getPort());
    }

    public URI lwaEndpoint() {
        return baseUrl().resolve(LWA_PATH);
    }

    /** 429 answers given so far. */
    public long throttled() {
        return throttled.get();
    }

    /** Authorised calls of an operation so far, throttled ones included. */
    public long calls(SpApiOperation operation) {
        return calls.get(operation).get();
    }

    /** How many transactions the simulator holds posted in [from, to): what a complete delivery must contain. */
    public long transactionsBetween(Instant from, Instant to) {
        return transactionsBetween(soleSeller, from, to);
    }

    /** As {@link #transactionsBetween(Instant, Instant)}, of the named account. */
    public long transactionsBetween(String account, Instant from, Instant to) {
        Seller seller = sellersByName.get(account);
        if (seller == null) {
            throw new IllegalArgumentException("the simulator serves no account named " + account);
        }
        return transactionsBetween(seller, from, to);
    }

    private long transactionsBetween(Seller seller, Instant from, Instant to) {
        Instant historyStart = options.clock().instant().minus(Duration.ofDays(options.days()));
        return seller.transactions
                .between(from.isBefore(historyStart) ? historyStart : from, to, null)
                .size();
    }

    /** How many of the transactions posted in [from, to) listTransactions does not show yet (late postings). */
    public long notYetVisibleBetween(Instant from, Instant to) {
        Instant now = options.clock().instant();
        return soleSeller.transactions.between(from, to, null).stream()
                .filter(transaction -> SimulatedTransactions.visibleFrom(transaction, options.latePostings())
                        .isAfter(now))
                .count();
    }

    /** Refresh tokens exchanged for access tokens so far. */
    public long tokenExchanges() {
        return tokenExchanges.get();
    }

    @Override
    public void close() {
        if (ownServer != null) {
            ownServer.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- Login with Amazon -------------------------------------------------------------------

    private void handleLwa(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                lwaError(exchange, 400, "invalid_request", "The request must be a POST.");
                return;
            }
            Map<String, String> form = form(new String(readBody(exchange), StandardCharsets.UTF_8));
            if (!"refresh_token".equals(form.get("grant_type"))) {
                lwaError(
                        exchange,
                        400,
                        "unsupported_grant_type",
                        "The authorization grant type is not supported by the authorization server.");
                return;
            }
            LwaCredentials presented =
                    new LwaCredentials(form.get("client_id"), form.get("client_secret"), form.get("refresh_token"));
            if (blank(presented.clientId())
                    || blank(presented.clientSecret())
                    || (!sellers.isEmpty()
                            && sellers.keySet().stream()
                                    .noneMatch(known -> known.clientId().equals(presented.clientId())
                                            && known.clientSecret().equals(presented.clientSecret())))) {
                lwaError(exchange, 401, "invalid_client", "Client authentication failed");
                return;
            }
            if (blank(presented.refreshToken()) || (!sellers.isEmpty() && !sellers.containsKey(presented))) {
                lwaError(exchange, 400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
                return;
            }
            String token = "Atza|" + randomToken();
            accessTokens.put(
                    token,
                    new AccessToken(
                            options.clock().instant().plus(ACCESS_TOKEN_LIFETIME),
                            sellers.getOrDefault(presented, soleSeller)));
            tokenExchanges.incrementAndGet();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token);
            body.put("refresh_token", form.get("refresh_token"));
            body.put("token_type", "bearer");
            body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
            send(exchange, 200, body);
        }
    }

    private static void lwaError(HttpExchange exchange, int status, String error, String description) {
        send(exchange, status, Map.of("error", error, "error_description", description));
    }

    // ---- SP-API --------------------------------------------------------------------------------

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders()
                    .add("x-amzn-RequestId", UUID.randomUUID().toString());
            byte[] body = readBody(exchange);
            exchange.setAttribute(REQUEST_BODY, body);
            String path = exchange.getRequestURI().getPath();
            Optional<SpApiOperation> operation = List.of(SpApiOperation.values()).stream()
                    .filter(op -> op.path().equals(path))
                    .findFirst();
            if (operation.isEmpty()) {
                error(exchange, 404, "NotFound", "Resource not found.", null);
                return;
            }
            if (!operation.get().method().equals(exchange.getRequestMethod())) {
                error(exchange, 405, "MethodNotAllowed", "Method not allowed.", null);
                return;
            }
            AccessToken token =
                    accessTokens.get(String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-access-token")));
            if (token == null || !options.clock().instant().isBefore(token.expires())) {
                error(
                        exchange,
                        403,
                        "Unauthorized",
                        "Access to requested resource is denied.",
                        "The access token you provided is revoked, malformed or invalid.");
                return;
            }
            calls.get(operation.get()).incrementAndGet();
            Seller seller = token.seller();
            if (!seller.usagePlans.get(operation.get()).tryAcquire()) {
                throttled.incrementAndGet();
                error(exchange, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.", null);
                return;
            }
            exchange.getResponseHeaders()
                    .add(
                            "x-amzn-RateLimit-Limit",
                            String.valueOf(options.usagePlan(operation.get()).rate()));
            if (injectedFault(exchange)) {
                return;
            }
            try {
                switch (operation.get()) {
                    case listTransactions -> listTransactions(exchange, seller);
                    case getPaymentMethods ->
                        answer(
                                exchange,
                                200,
                                seller.transfers.paymentMethods(
                                        form(exchange.getRequestURI().getRawQuery())));
                    case initiatePayout -> initiatePayout(exchange, seller, json(body));
                }
            } catch (InvalidInput e) {
                answer(exchange, 400, Map.of("errors", e.errors));
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "SP-API simulator failed on {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    e);
        }
    }

    /** The --faults of the simulator command: slowness, then a 429, 500 or 503 instead of the answer. */
    private boolean injectedFault(HttpExchange exchange) {
        if (options.faults().slowMillis() > 0) {
            try {
                Thread.sleep(options.faults().slowMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (options.faults().injectedStatus()) {
            case 429 -> {
                throttled.incrementAndGet();
                error(exchange, 429, "QuotaExceeded", "You exceeded your quota for the requested resource.", null);
            }
            case 500 ->
                error(exchange, 500, "InternalFailure", "We encountered an internal error. Please try again.", null);
            case 503 ->
                error(exchange, 503, "ServiceUnavailable", "Service temporarily unavailable. Please try again.", null);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void listTransactions(HttpExchange exchange, Seller seller) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Instant now = options.clock().instant();
        Instant latest = now.minus(NOT_LATER_THAN_BEFORE_NOW);
        Instant after = date(query, "postedAfter", null);
        if (after == null) {
            throw new InvalidInput("InvalidInput", "Missing required parameter postedAfter.", null);
        }
        Instant before = date(query, "postedBefore", latest);
        if (after.isAfter(latest) || before.isAfter(latest)) {
            throw new InvalidInput(
                    "InvalidInput", "Date must be no later than two minutes before the request was submitted.", null);
        }
        if (!before.isAfter(after)) {
            throw new InvalidInput("InvalidInput", "postedBefore must be later than postedAfter.", null);
        }
        String marketplaceId = blank(query.get("marketplaceId")) ? null : query.get("marketplaceId");
        int offset = 0;
        String filters = after + "|" + before + "|" + marketplaceId;
        if (!blank(query.get("nextToken"))) {
            offset = offsetOf(query.get("nextToken"), filters, now);
        }
        // the Finances API v2024-06-19 model wraps the page in "payload"
        ObjectNode answer = SpApiJson.MAPPER.createObjectNode();
        ObjectNode payload = answer.putObject("payload");
        ArrayNode page = payload.putArray("transactions");
        if (Duration.between(after, before).compareTo(MAX_SPAN) <= 0) {
            Instant historyStart = now.minus(Duration.ofDays(options.days()));
            List<ObjectNode> all = seller
                    .transactions
                    .between(after.isBefore(historyStart) ? historyStart : after, before, marketplaceId)
                    .stream()
                    .filter(transaction -> !SimulatedTransactions.visibleFrom(transaction, options.latePostings())
                            .isAfter(now))
                    .toList();
            all.stream().skip(offset).limit(options.pageSize()).forEach(page::add);
            if (offset + options.pageSize() < all.size()) {
                payload.put("nextToken", nextToken(filters, offset + options.pageSize(), now));
            }
        }
        answer(exchange, 200, answer);
    }

    private void initiatePayout(HttpExchange exchange, Seller seller, JsonNode body) {
        String marketplaceId = body.path("marketplaceId").asText("");
        String accountType = body.path("accountType").asText("");
        seller.transfers.checkPayout(marketplaceId, accountType);
        String pair = marketplaceId + "|" + accountType;
        Instant now = options.clock().instant();
        Map<String, Instant> lastPayout = seller.lastPayout;
        synchronized (lastPayout) {
            Instant last = lastPayout.get(pair);
            if (last != null && now.isBefore(last.plus(PAYOUT_INTERVAL))) {
                // the older reference page's PAYOUT_FREQUENCY_EXCEEDED, spelled as the model spells its codes
                throw new InvalidInput(
                        "PayoutFrequencyExceeded",
                        "A payout has already been initiated for the given marketplace and accountType in the last 24 hours.",
                        null);
            }
            lastPayout.put(pair, now);
        }
        answer(exchange, 200, Map.of("payoutReferenceId", randomToken()));
    }

    // ---- nextToken: the page's offset and the filters it belongs to, signed, with its issue time

    private String nextToken(String filters, int offset, Instant now) {
        String state = offset + "|" + now.toEpochMilli() + "|" + filters;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.UTF_8)) + "."
                + sign(state);
    }

    private int offsetOf(String token, String filters, Instant now) {
        String[] parts = token.split("\\.");
        String state;
        try {
            state = parts.length == 2
                    ? new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                    : "";
        } catch (IllegalArgumentException e) {
            state = "";
        }
        String[] fields = state.split("\\|", 3);
        if (fields.length != 3 || !sign(state).equals(parts[1]) || !fields[2].equals(filters)) {
            throw new InvalidInput(
                    "InvalidInput", "Invalid nextToken.", "The nextToken does not belong to this request.");
        }
        boolean expired =
                now.isAfter(Instant.ofEpochMilli(Long.parseLong(fields[1])).plus(options.nextTokenLifetime()));
        if (expired || nextTokensToReject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new InvalidInput("InvalidInput", "Invalid nextToken.", "The nextToken has expired.");
        }
        return Integer.parseInt(fields[0]);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenSecret, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    /** A 400 answer with Amazon's ErrorList: one error, or several as the Transfers model's sandbox answers. */
    static final class InvalidInput extends RuntimeException {
        final List<Map<String, String>> errors;

        InvalidInput(String code, String message, String details) {
            super(message);
            this.errors = List.of(errorEntry(code, message, details));
        }

        InvalidInput(List<SpApiException.Error> errors) {
            super(errors.toString());
            this.errors = errors.stream()
                    .map(error -> errorEntry(error.code(), error.message(), null))
                    .toList();
        }
    }

    private static Instant date(Map<String, String> query, String name, Instant absent) {
        String value = query.get(name);
        if (blank(value)) {
            return absent;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("InvalidInput", name + " is not an ISO 8601 date-time: " + value, null);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return SpApiJson.MAPPER.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        } catch (IOException e) {
            throw new InvalidInput("InvalidInput", "The request body is not valid JSON.", null);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isBlank()) {
            for (String pair : encoded.split("&")) {
                String[] nameValue = pair.split("=", 2);
                values.put(
                        URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** An SP-API ErrorList body with one error. */
    private void error(HttpExchange exchange, int status, String code, String message, String details) {
        answer(exchange, status, Map.of("errors", List.of(errorEntry(code, message, details))));
    }

    private static Map<String, String> errorEntry(String code, String message, String details) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (details != null) {
            error.put("details", details);
        }
        return error;
    }

    /**
     * An SP-API answer, after the installed checks saw the exchange; one that breaks Amazon's model is
     * replaced by a 500 ModelViolation naming what broke, so no test can pass over it unnoticed.
     */
    private void answer(HttpExchange exchange, int status, Object body) {
        String json = SpApiJson.write(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] request = (byte[]) exchange.getAttribute(REQUEST_BODY);
        SpApiExchangeCheck.Exchange served = new SpApiExchangeCheck.Exchange(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()),
                request == null ? "" : new String(request, StandardCharsets.UTF_8),
                status,
                Map.copyOf(exchange.getResponseHeaders()),
                json);
        for (SpApiExchangeCheck check : checks) {
            try {
                check.check(served);
            } catch (AssertionError violation) {
                LOG.error(
                        "SP-API simulator exchange breaks Amazon's model: {} {}: {}",
                        served.method(),
                        served.path(),
                        violation.getMessage());
                send(
                        exchange,
                        500,
                        Map.of("errors", List.of(errorEntry("ModelViolation", violation.getMessage(), null))));
                return;
            }
        }
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, Object body) {
        try {
            byte[] bytes = SpApiJson.MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
