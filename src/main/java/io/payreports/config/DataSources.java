package io.payreports.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Pooled DataSources by JDBC URL: the state and records databases share one pool when they are the same. */
public final class DataSources implements AutoCloseable {

    private final Map<String, HikariDataSource> pools = new HashMap<>();
    private MeterRegistry meters;

    /** The pools made from now on report their connections (hikaricp_connections_*{pool}) into {@code registry}. */
    public synchronized void measureIn(MeterRegistry registry) {
        this.meters = registry;
    }

    private void measured(HikariConfig config) {
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
    }

    public synchronized DataSource forUrl(String jdbcUrl) {
        return pools.computeIfAbsent(jdbcUrl, url -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(withoutH2ShutdownHook(url));
            config.setPoolName("payreports-" + (pools.size() + 1));
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(1);
            // fail fast with the driver's own message (e.g. "Connection refused") instead of a 30 s wait
            config.setInitializationFailTimeout(1);
            config.setConnectionTimeout(10_000);
            measured(config);
            return new HikariDataSource(config);
        });
    }

    /**
     * H2 closes its databases from its own JVM shutdown hook, which on SIGTERM runs beside Camel's graceful
     * shutdown and pulls the database from under the deliveries still finishing; the pools close it instead.
     */
    static String withoutH2ShutdownHook(String url) {
        return url.startsWith("jdbc:h2:")
                        && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")
                ? url + ";DB_CLOSE_ON_EXIT=FALSE"
                : url;
    }

    /**
     * A pool for a records database, which may be down when payreports starts: it connects on the
     * first delivery (and a failure there is retried like any sink failure), within {@code timeout}.
     * Credentials, if given, stay out of the URL and out of messages.
     */
    public synchronized DataSource forSink(String jdbcUrl, String username, String password, Duration timeout) {
        return pools.computeIfAbsent(jdbcUrl + "|" + username, key -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(username);
            config.setPassword(password);
            config.setPoolName("payreports-" + (pools.size() + 1));
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setInitializationFailTimeout(-1);
            config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
            measured(config);
            return new HikariDataSource(config);
        });
    }

    /** H2's "Database may be already in use" (error 90020) anywhere in the cause chain: another process holds the file. */
    public static boolean inUseByAnotherProcess(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
