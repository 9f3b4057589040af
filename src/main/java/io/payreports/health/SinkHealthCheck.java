package io.payreports.health;

import io.payreports.sinks.Reachable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether a sink answers: a file sink's folder is writable, a jdbc sink's pool hands out a valid
 * connection, an SFTP sink logs in, an S3 sink's bucket answers a HEAD, a Kafka sink's cluster describes
 * itself; each with the sink's own settings, so that an operator sees a bank server or a store that is
 * down before a delivery fails. Neither readiness nor liveness: a sink that is down is retried and
 * dead-lettered by its route, and restarting payreports would not bring it back; it shows in
 * {@code /observe/health} with the reason, named by the sink's destination (which holds no credentials).
 * An answer must come within {@link #WAIT}; a probe still running is waited for again, never doubled, so
 * a server that does not answer costs one login attempt at a time, bounded by the sink's own timeout.
 */
public final class SinkHealthCheck extends AbstractHealthCheck {

    static final Duration WAIT = Duration.ofSeconds(2);

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "payreports-sink-probe");
        thread.setDaemon(true);
        return thread;
    });

    private final String sink;
    private final String destination;
    private final Reachable probe;
    private final Duration answerStands;
    private CompletableFuture<String> inFlight; // guarded by this
    /** {@link System#nanoTime()} when {@link #inFlight} ended: how old its answer is. */
    private long answeredAt; // guarded by this

    /** A sink asked on every check (a folder, a pool). */
    public SinkHealthCheck(String sink, String destination, Reachable probe) {
        this(sink, destination, probe, Duration.ZERO);
    }

    /**
     * @param answerStands how long an answer is shown again instead of asking anew: a server's login is not
     *                     repeated on every poll of {@code /observe/health}
     */
    public SinkHealthCheck(String sink, String destination, Reachable probe, Duration answerStands) {
        super("payreports", "sink-" + sink);
        this.sink = sink;
        this.destination = destination;
        this.probe = probe;
        this.answerStands = answerStands;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("sink", sink).detail("destination", destination);
        String named = "sink " + sink + " (" + destination + ")";
        try {
            builder.detail("answer", probe().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .up();
        } catch (TimeoutException e) {
            builder.message(named + " did not answer within " + WAIT.toSeconds() + " s")
                    .down();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            builder.message(named + " is not reachable: " + Reachable.reason(cause))
                    .error(cause)
                    .down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("interrupted").down();
        }
    }

    private synchronized CompletableFuture<String> probe() {
        if (inFlight == null || (inFlight.isDone() && System.nanoTime() - answeredAt >= answerStands.toNanos())) {
            inFlight = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return probe.reach();
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    },
                    PROBES);
            inFlight.whenComplete((answer, failure) -> answered());
        }
        return inFlight;
    }

    private synchronized void answered() {
        answeredAt = System.nanoTime();
    }

    /** A file sink's probe: its folder is writable, or can be created in the nearest folder that exists. */
    public static Reachable writableFolder(Path folder) {
        return () -> {
            Path absolute = folder.toAbsolutePath().normalize();
            Path existing = absolute;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                throw new IOException("folder " + folder + " cannot be written"
                        + (existing == null ? "" : " (" + existing + " is not a writable folder)"));
            }
            return existing.equals(absolute) ? "folder writable" : "folder to be created in " + existing + ", writable";
        };
    }

    /** A jdbc sink's probe: a connection from its pool answers. */
    public static Reachable connection(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid((int) WAIT.toSeconds())) {
                    throw new SQLException("the connection did not answer within " + WAIT.toSeconds() + " s");
                }
                return connection.getMetaData().getDatabaseProductName() + " answered";
            }
        };
    }
}
