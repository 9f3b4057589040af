package io.payreports.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A test HTTP server on 127.0.0.1 that answers with Amazon's documented example answers, byte for byte,
 * and records every request: the client and the jobs meet Amazon's shapes, not our simulator's.
 */
public final class ExampleServer implements AutoCloseable {

    /** Where the examples are kept, with their provenance. */
    public static final Path EXAMPLES = Path.of("src/test/resources/amazon-examples");

    /** A request as received: path and query still percent-encoded, header names in lower case. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {

        /** The query string, or for a form POST its body, decoded. */
        public Map<String, String> parameters() {
            String encoded = rawQuery != null ? rawQuery : body;
            Map<String, String> parameters = new LinkedHashMap<>();
            if (encoded != null && !encoded.isEmpty()) {
                for (String pair : encoded.split("&")) {
                    int equals = pair.indexOf('=');
                    parameters.put(
                            decode(equals < 0 ? pair : pair.substring(0, equals)),
                            equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
            return parameters;
        }

        private static String decode(String value) {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }

    /** What to answer: status, content type, the exact bytes, and extra headers. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Answer xml(String body) {
            return new Answer(200, "text/xml", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Answer notFound() {
            return json(404, "{\"reasonCode\":\"ResourceNotFound\",\"message\":\"no example for this request\"}");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private ExampleServer(HttpServer server) {
        this.server = server;
    }

    public static ExampleServer start(Function<Request, Answer> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExampleServer examples = new ExampleServer(server);
        server.createContext("/", exchange -> examples.answer(exchange, answers));
        server.start();
        return examples;
    }

    /** The settlement report sample of Amazon's settlement and transaction reports guide (4 transactions), as a report download answers it. */
    public static byte[] settlementReport() {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/reports/amazon-sample.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the kept examples, exactly as stored. */
    public static String example(String relativePath) {
        try {
            return Files.readString(EXAMPLES.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, Function<Request, Answer> answers) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    body);
            requests.add(request);
            Answer answer = answers.apply(request);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
