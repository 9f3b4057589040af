package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.payreports.http.GuardedHttp;
import io.payreports.http.Throttled;
import io.payreports.jobs.ApiCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Selling Partner API client: an LWA access token in {@code x-amz-access-token} on every call and a
 * client-side token bucket per operation at Amazon's usage plan. Errors are {@link SpApiException}s
 * with Amazon's ErrorList code; secrets never appear in them. A 429 is not retried here: it carries
 * the wait Amazon asks for, and the job's redelivery waits it out (camel/errors.yaml).
 */
public class SpApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(SpApiClient.class);

    private final SpApiConfig config;
    private final HttpClient http;
    private final LwaTokens tokens;
    private final Map<SpApiOperation, TokenBucket> buckets = new EnumMap<>(SpApiOperation.class);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    public SpApiClient(SpApiConfig config, Clock clock) {
        this.config = config;
        this.http = GuardedHttp.client(config.connectTimeout());
        this.tokens = new LwaTokens(config.lwaEndpoint(), config.credentials(), http, config.readTimeout(), clock);
        for (SpApiOperation operation : SpApiOperation.values()) {
            UsagePlan plan = config.usagePlan(operation);
            // one token of headroom below Amazon's burst: requests that leave evenly paced can arrive
            // closer together (network jitter), and Amazon's bucket must still have a token for them
            buckets.put(operation, new TokenBucket(plan.rate(), Math.max(1, plan.burst() - 1)));
        }
    }

    public SpApiConfig config() {
        return config;
    }

    /** Requests sent to SP-API so far (not counting LWA). */
    public long requests() {
        return requests.get();
    }

    /** 429 answers received so far. */
    public long throttled() {
        return throttled.get();
    }

    /** One page of listTransactions (Finances API v2024-06-19). */
    public TransactionsPage listTransactions(TransactionsQuery query, String nextToken) {
        JsonNode page = SpApiJson.read(
                call(SpApiOperation.listTransactions, query.parameters(nextToken), ""), "listTransactions");
        return TransactionsPage.of(page);
    }

    /**
     * getPaymentMethods (Transfers API v2024-06-01): the answer's {@code paymentMethods}, or the
     * {@code piDetails} of the older reference page; an answer with neither fails rather than read as none.
     */
    public List<PaymentMethod> getPaymentMethods(PaymentMethodsQuery query) {
        JsonNode answer =
                SpApiJson.read(call(SpApiOperation.getPaymentMethods, query.parameters(), ""), "getPaymentMethods");
        JsonNode list =
                answer.path("paymentMethods").isArray() ? answer.get("paymentMethods") : answer.path("piDetails");
        if (!list.isArray()) {
            throw new UnrecognisedAnswerException(
                    SpApiOperation.getPaymentMethods, "no 'paymentMethods' array", answer);
        }
        List<PaymentMethod> methods = new ArrayList<>();
        list.forEach(node -> methods.add(PaymentMethod.of(node, query.marketplaceId())));
        return methods;
    }

    /** initiatePayout (Transfers API v2024-06-01); answers the payoutReferenceId. Callers go through {@link PayoutGuard}. */
    public String initiatePayout(String marketplaceId, String accountType) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("marketplaceId", marketplaceId);
        body.put("accountType", accountType);
        JsonNode answer =
                SpApiJson.read(call(SpApiOperation.initiatePayout, Map.of(), SpApiJson.write(body)), "initiatePayout");
        String reference = answer.path("payoutReferenceId").asText(null);
        if (reference == null || reference.isBlank()) {
            throw new IllegalStateException("initiatePayout answered 200 without a payoutReferenceId");
        }
        return reference;
    }

    /** One call; the JSON answer. Waits for the operation's rate limit; a 429 is the caller's to retry. */
    public String call(SpApiOperation operation, Map<String, String> query, String body) {
        try {
            return send(operation, query, body);
        } catch (SpApiException e) {
            if (e.status() != 403 || e instanceof LwaException) {
                throw e;
            }
            // an access token can be revoked or expire early; one fresh one settles it
            tokens.invalidate();
            return send(operation, query, body);
        }
    }

    private String send(SpApiOperation operation, Map<String, String> query, String body) {
        try {
            buckets.get(operation).acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + operation + " rate limit", e);
        }
        URI uri =
                URI.create(config.endpoint().toString().replaceAll("/+$", "") + operation.path() + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("x-amz-access-token", tokens.accessToken())
                .header("Accept", "application/json")
                .header("User-Agent", "payreports/1.0 (Language=Java)");
        if (operation.method().equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        requests.incrementAndGet();
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = GuardedHttp.call(http, request.build(), operation.name());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(tokens.redact(e.getMessage()), e.getCause());
        }
        ApiCalls.count("spapi", operation.name(), response.statusCode());
        LOG.debug(
                "{} {} -> {} in {} ms (request id {})",
                operation,
                uri.getPath(),
                response.statusCode(),
                (System.nanoTime() - started) / 1_000_000,
                response.headers().firstValue("x-amzn-RequestId").orElse("-"));
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 429) {
                throttled.incrementAndGet();
            }
            throw error(operation, response);
        }
        return response.body();
    }

    private SpApiException error(SpApiOperation operation, HttpResponse<String> response) {
        List<SpApiException.Error> errors = new ArrayList<>();
        for (JsonNode entry : parseOrEmpty(response.body()).path("errors")) {
            if (entry.hasNonNull("code")) {
                String message = entry.path("message").asText("");
                if (entry.hasNonNull("details")
                        && !entry.get("details").asText().isBlank()) {
                    message += " (" + entry.get("details").asText() + ")";
                }
                errors.add(new SpApiException.Error(entry.get("code").asText(), tokens.redact(message)));
            }
        }
        if (errors.isEmpty()) {
            String body = response.body() == null ? "" : response.body();
            errors.add(new SpApiException.Error(
                    "HTTP_" + response.statusCode(), tokens.redact(body.substring(0, Math.min(body.length(), 200)))));
        }
        return new SpApiException(operation.name(), response.statusCode(), errors, retryAfter(operation, response));
    }

    /**
     * A 429's wait: Retry-After when Amazon sends one; else the time the operation's usage plan takes to
     * grant the next request (SP-API answers a 429 with its rate, not with a wait).
     */
    private Duration retryAfter(SpApiOperation operation, HttpResponse<String> response) {
        Duration nextToken = Duration.ofMillis(
                (long) Math.ceil(1000 / config.usagePlan(operation).rate()));
        return Throttled.retryAfterHeader(response).orElse(response.statusCode() == 429 ? nextToken : null);
    }

    private static JsonNode parseOrEmpty(String body) {
        try {
            return SpApiJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return SpApiJson.MAPPER.createObjectNode();
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    /** RFC 3986 percent-encoding (a space is %20, not +). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%7E", "~");
    }
}
