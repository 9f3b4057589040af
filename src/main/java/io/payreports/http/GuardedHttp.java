package io.payreports.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way our clients talk HTTP to Amazon (Amazon Pay, SP-API and its token endpoint, MWS): no
 * redirects, since a signed request or a token must go only to the configured endpoint; every call
 * within {@link HttpDeadlines#callDeadline()}, body included; downloads cut off below the rate floor;
 * failures that name the operation, host, port and cause.
 * <p>
 * The deadlines are process-wide: the runtime sets them from its settings at start
 * ({@link #use(HttpDeadlines)}); until then the defaults apply.
 */
public final class GuardedHttp {

    private static volatile HttpDeadlines deadlines = HttpDeadlines.DEFAULTS;

    private GuardedHttp() {}

    public static void use(HttpDeadlines configured) {
        deadlines = configured;
    }

    public static HttpDeadlines deadlines() {
        return deadlines;
    }

    /** A client that follows no redirect. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * One API call, the whole answer read within the call deadline. A redirect is refused: it would
     * send the request's signature or token to wherever the answer points.
     */
    public static HttpResponse<String> call(HttpClient http, HttpRequest request, String operation) {
        return send(http, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), operation);
    }

    /**
     * One exchange: what the body handler reads (for a streamed body, the headers) within the call
     * deadline; a redirect refused.
     */
    public static <T> HttpResponse<T> send(
            HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler, String operation) {
        HttpResponse<T> response = within(http.sendAsync(request, handler), request.uri(), operation);
        if (response.statusCode() / 100 == 3) {
            throw new RedirectRefusedException(
                    operation,
                    response.statusCode(),
                    request.uri(),
                    response.headers().firstValue("Location").orElse(""));
        }
        return response;
    }

    /**
     * Opens a download: headers within the call deadline, the body then cut off if it averages less than
     * the rate floor once the grace period has passed. A redirect is answered as is, not followed.
     */
    public static HttpResponse<InputStream> download(HttpClient http, HttpRequest request, String what) {
        HttpResponse<InputStream> response =
                within(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), request.uri(), what);
        return new WithBody<>(response, guard(response.body(), what));
    }

    /** A streamed body held to the download rate floor. */
    public static InputStream guard(InputStream body, String what) {
        HttpDeadlines current = deadlines;
        return new RateFloorInputStream(body, what, current.downloadMinBytesPerSecond(), current.downloadGrace());
    }

    private static <T> HttpResponse<T> within(CompletableFuture<HttpResponse<T>> exchange, URI uri, String operation) {
        Duration deadline = deadlines.callDeadline();
        try {
            return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeadlineExceededException(operation + " to " + hostAndPort(uri) + " did not finish within "
                    + HttpDeadlines.CALL_DEADLINE + " (" + deadline.toSeconds() + " s)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            IOException io = cause instanceof IOException already ? already : new IOException(cause);
            throw new UncheckedIOException(operation + " to " + hostAndPort(uri) + " failed: " + describe(cause), io);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + operation, e);
        }
    }

    static String hostAndPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** The exception's kind and message: the JDK's refused connection is a ConnectException without one. */
    static String describe(Throwable error) {
        String kind = error.getClass().getSimpleName();
        if (error.getMessage() != null) {
            return kind + ": " + error.getMessage();
        }
        return error instanceof java.net.ConnectException ? "could not connect (" + kind + ")" : kind;
    }

    /** The response with its body replaced by the guarded one. */
    private record WithBody<T>(HttpResponse<T> response, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<T>> previousResponse() {
            return response.previousResponse();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }
}
