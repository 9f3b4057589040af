package io.payreports.status;

import io.payreports.jobs.DeadLetterReplay;
import io.payreports.reports.ReportContext;
import io.payreports.sinks.DeadLetterWriter;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the operator page beside Camel's health and metrics on the management server (when
 * {@code camel.management.enabled}): {@code GET /observe/status} (HTML), {@code GET /observe/status.json} and, when a
 * replay token is configured, {@code POST /observe/status/replay} (form fields {@code job}, {@code file},
 * {@code token}), which replays one sink dead-letter file of the job with {@link DeadLetterReplay}.
 */
public final class StatusEndpoint implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusEndpoint.class);

    /** What the dead-letter writer names a sink's file; anything else is not ours to replay. */
    private static final Pattern SINK_DEAD_LETTER = Pattern.compile("[A-Za-z0-9._~-]{1,400}\\.jsonl");

    private static final int FORM_LIMIT = 8192;

    private final StatusReport report;
    private final Supplier<DeadLetterReplay> replay;
    private final Path outDir;
    private final Optional<String> replayToken;

    /**
     * @param replayToken the {@code payreports.status.replay-token}; without one the page offers no replay
     */
    public StatusEndpoint(
            StatusReport report, Supplier<DeadLetterReplay> replay, Path outDir, Optional<String> replayToken) {
        this.report = report;
        this.replay = replay;
        this.outDir = outDir;
        this.replayToken = replayToken;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes are added once the management server is up
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server == null || server.getRouter() == null) {
            return; // no HTTP (camel.management.enabled=false)
        }
        VertxPlatformHttpRouter router = server.getRouter();
        router.route(StatusPage.PATH).method(HttpMethod.GET).blockingHandler(routing -> page(routing, context, null));
        router.route(StatusPage.JSON_PATH).method(HttpMethod.GET).blockingHandler(routing -> json(routing, context));
        router.route(StatusPage.REPLAY_PATH)
                .method(HttpMethod.POST)
                .handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT))
                .blockingHandler(routing -> replay(routing, context));
        if (replayToken.isPresent() && !isLoopback(server.getHost())) {
            LOG.warn(
                    "operator page: replay is on and the HTTP server listens on {}: the replay token crosses the network"
                            + " in clear text unless a TLS proxy is in front",
                    server.getHost());
        }
        LOG.info(
                "operator page on http://{}:{}{} (replay {})",
                server.getHost(),
                server.getPort(),
                StatusPage.PATH,
                replayToken.isPresent() ? "on, with the replay token" : "off: " + replayOff());
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
    }

    private static String replayOff() {
        return "no payreports.status.replay-token is configured";
    }

    private void page(RoutingContext routing, CamelContext context, StatusPage.Notice notice) {
        try {
            Status status = report.read(NextFires.fromScheduler(context));
            routing.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader(
                            "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .end(StatusPage.render(status, replayToken.isPresent() ? null : replayOff(), notice));
        } catch (SQLException | RuntimeException e) {
            unavailable(routing, e);
        }
    }

    private void json(RoutingContext routing, CamelContext context) {
        try {
            routing.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(StatusFormat.json(report.read(NextFires.fromScheduler(context))));
        } catch (SQLException | RuntimeException e) {
            unavailable(routing, e);
        }
    }

    private static void unavailable(RoutingContext routing, Exception e) {
        LOG.warn("operator page: the status could not be read: {}", e.getMessage());
        routing.response()
                .setStatusCode(503)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("status not available: the state database did not answer\n");
    }

    /** One replay at a time: two clicks on one file must not deliver it twice. */
    private synchronized void replay(RoutingContext routing, CamelContext context) {
        if (replayToken.isEmpty()) {
            refuse(routing, 403, "replay is off: " + replayOff());
            return;
        }
        if (!sameToken(replayToken.get(), routing.request().getFormAttribute("token"))) {
            LOG.warn("operator page: a replay was refused: wrong or missing token");
            refuse(routing, 403, "replay refused: wrong or missing token");
            return;
        }
        String job = routing.request().getFormAttribute("job");
        String account = Objects.requireNonNullElse(
                routing.request().getFormAttribute("account"), ReportContext.DEFAULT_ACCOUNT);
        String name = routing.request().getFormAttribute("file");
        Path file =
                job == null || name == null || !SINK_DEAD_LETTER.matcher(name).matches()
                        ? null
                        : DeadLetterWriter.jobDirectory(outDir, account, job).resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            refuse(routing, 404, "no dead-letter file " + name + " of job " + job + " to replay");
            return;
        }
        StatusPage.Notice notice;
        try {
            DeadLetterReplay.Outcome outcome = replay.get().replay(file);
            notice = new StatusPage.Notice(
                    outcome.delivered(), "Replay of " + job + "/" + name + ": " + outcome.detail());
            LOG.info("operator page: replay of {}: {}", file, outcome.detail());
        } catch (IOException | RuntimeException e) {
            notice = new StatusPage.Notice(false, "Replay of " + name + " failed: " + e.getMessage());
            LOG.warn("operator page: replay of {} failed: {}", file, e.getMessage());
        }
        routing.response().setStatusCode(notice.ok() ? 200 : 502);
        page(routing, context, notice);
    }

    /** Constant time: the answer's timing tells nothing about how much of a guess was right. */
    static boolean sameToken(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(RoutingContext routing, int status, String message) {
        routing.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(message + "\n");
    }
}
