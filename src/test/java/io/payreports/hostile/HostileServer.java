package io.payreports.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A fake Amazon endpoint on 127.0.0.1 that answers each path with what a test gives it: the hostile or
 * broken peers (redirects, trickling bodies, repeating page tokens, echoes) that the simulator, being
 * faithful, never plays. Signatures are not checked. Records every request it received.
 */
public final class HostileServer implements AutoCloseable {

    /** What to answer on one path. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private HostileServer(HttpServer server) {
        this.server = server;
    }

    public static HostileServer start() throws IOException {
        HostileServer hostile = new HostileServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        hostile.server.setExecutor(Executors.newCachedThreadPool());
        hostile.server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hostile.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            Answer answer = hostile.answers.entrySet().stream()
                    .filter(entry -> path.startsWith(entry.getKey()))
                    .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                    .map(Map.Entry::getValue)
                    .orElse(notFound());
            try (exchange) {
                answer.answer(exchange);
            } catch (IOException | RuntimeException e) {
                // the client gave up on a trickle: nothing more to send
            }
        });
        hostile.server.start();
        return hostile;
    }

    /** Answers requests whose path starts with {@code pathPrefix} (the longest matching prefix wins). */
    public HostileServer on(String pathPrefix, Answer answer) {
        answers.put(pathPrefix, answer);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "METHOD /path?query" of every request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public static Answer json(int status, String body) {
        return exchange -> send(exchange, status, "application/json", body);
    }

    public static Answer text(int status, String body) {
        return exchange -> send(exchange, status, "text/plain; charset=UTF-8", body);
    }

    public static Answer notFound() {
        return json(404, "{\"reasonCode\":\"ResourceNotFound\",\"message\":\"not here\"}");
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Headers at once, then one byte of {@code body} every {@code everyMillis}: a slow-loris peer. */
    public static Answer trickle(String contentType, String body, long everyMillis) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            out.close();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
