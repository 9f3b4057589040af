package io.payreports.spapi.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.payreports.spapi.SpApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves Amazon's own answers from the vendored models verbatim, not our simulator's: listTransactions
 * page 1 is the Finances model's {@code x-amzn-api-sandbox} answer (with its nextToken), page 2 (asked
 * with a nextToken) is the model's Transaction example in the model's ListTransactionsResponse
 * envelope; getPaymentMethods is the Transfers model's 200 example. Every request is recorded and
 * checked against the model. An LWA token endpoint answers any refresh token.
 */
final class ModelExamplesServer implements AutoCloseable {

    /** One request as it arrived, with what breaks the model in it. */
    record Received(String method, String path, Map<String, List<String>> query, List<String> violations) {}

    static final JsonNode FINANCES = model(SpApiModels.FINANCES);
    static final JsonNode TRANSFERS = model(SpApiModels.TRANSFERS);

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> replaced = new ConcurrentHashMap<>();

    ModelExamplesServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext(
                "/auth/o2/token",
                exchange -> answer(
                        exchange,
                        200,
                        "{\"access_token\":\"Atza|model-examples\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.createContext("/finances/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** From now on, answers this JSON to every request of the path instead of Amazon's (all pages). */
    void answer(String path, String json) {
        replaced.put(path, json);
    }

    /** The model's sandbox answer of an operation's 200. */
    static JsonNode sandbox200(JsonNode model, String path) {
        return model.path("paths")
                .path(path)
                .path("get")
                .path("responses")
                .path("200")
                .path("x-amzn-api-sandbox")
                .path("static")
                .path(0)
                .path("response");
    }

    /** Page 2: the model's Transaction example, in the envelope the model gives the answer. */
    static String transactionsPage2() {
        ObjectNode answer = SpApiJson.MAPPER.createObjectNode();
        answer.putObject("payload")
                .putArray("transactions")
                .add(FINANCES.path("definitions").path("Transaction").path("example"));
        return answer.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> query = SpApiModels.query(rawQuery);
        received.add(new Received(
                method,
                path,
                query,
                SpApiModels.requestViolations(
                        method,
                        path,
                        rawQuery,
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8))));
        if (replaced.containsKey(path)) {
            answer(exchange, 200, replaced.get(path));
            return;
        }
        switch (path) {
            case "/finances/2024-06-19/transactions" ->
                answer(
                        exchange,
                        200,
                        query.containsKey("nextToken")
                                ? transactionsPage2()
                                : sandbox200(FINANCES, path).toString());
            case "/finances/transfers/2024-06-01/paymentMethods" ->
                answer(
                        exchange,
                        200,
                        TRANSFERS
                                .path("paths")
                                .path(path)
                                .path("get")
                                .path("responses")
                                .path("200")
                                .path("examples")
                                .path("application/json")
                                .toString());
            default ->
                answer(exchange, 404, "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"Resource not found.\"}]}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static JsonNode model(String resource) {
        try (InputStream in = ModelExamplesServer.class.getClassLoader().getResourceAsStream(resource)) {
            return SpApiJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
