package io.payreports.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.payreports.amazonpay.AmazonPayBackfill;
import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayDisbursements;
import io.payreports.amazonpay.AmazonPayReportSource;
import io.payreports.amazonpay.RetryAfterPause;
import io.payreports.jobs.DeadLetters;
import io.payreports.jobs.JobMetrics;
import io.payreports.jobs.JobRuns;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.jobs.SinkRoutes;
import io.payreports.mws.MwsReportSource;
import io.payreports.reports.ReportFormats;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.RecordSpool;
import io.payreports.sinks.Redaction;
import io.payreports.state.DeliveredReports;
import io.payreports.state.StateDatabaseHealthCheck;
import io.payreports.state.StateSchema;
import io.payreports.state.WatermarkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * The beans our routes refer to by name ({@code amazonPayReports}, {@code reportDeliveries},
 * {@code deliveredReports}, ...), built from the settings once Camel's properties are loaded.
 */
public final class PayreportsBeans implements CamelConfiguration, AutoCloseable {

    private final ConfigLocator locator;
    private final Clock clock = RuntimeClock.get();
    private final DataSources dataSources = new DataSources();
    private final JobRuns jobRuns = new JobRuns(clock);
    private MeterRegistry meters;
    private AmazonPayConnection amazonPay;
    private MwsConnection mws;
    private SpApiConnection spApi;

    private boolean deliveryOnly;

    PayreportsBeans(ConfigLocator locator) {
        this.locator = locator;
    }

    /** No job will run (replay): Amazon Pay is never called, so its demo mode is not worth a warning. */
    void onlyDeliver() {
        deliveryOnly = true;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        PayreportsSettings settings =
                PayreportsSettings.read(key -> properties.resolveProperty(key).orElse(null), locator);
        Registry registry = context.getRegistry();
        settings.applyHttpLimits();

        DataSource state = openState(settings.stateJdbcUrl());
        registry.bind("stateDatabaseHealthCheck", new StateDatabaseHealthCheck(state));
        PayreportsSettings.Cluster cluster = PayreportsSettings.readCluster(
                key -> properties.resolveProperty(key).orElse(null), locator);
        boolean clustered = cluster.enabled();
        if (clustered) {
            QuartzCluster.configure(context, settings.stateJdbcUrl(), cluster.checkinInterval(), locator);
        }
        if (settings.stateJdbcUrl().startsWith("jdbc:postgresql:")) {
            StateSchema.ensure(state, clustered); // before anything uses the tables: nodes may start together
        }
        DeliveredReports delivered = new DeliveredReports(state);
        registry.bind("deliveredReports", delivered);
        context.addService(delivered, true);

        WatermarkStore watermarks = new WatermarkStore(state);
        if (!settings.demoMode()) {
            amazonPay(settings, deliveryOnly); // a bad key file fails the start, not the first job
        }
        // the sources ask for the connection on first use, so the demo simulator starts only when an
        // Amazon Pay job runs
        Supplier<AmazonPayClient> amazonPayClient =
                () -> amazonPay(settings, deliveryOnly).client();
        registry.bind("amazonPayReports", new AmazonPayReportSource(amazonPayClient, watermarks, clock));
        registry.bind("amazonPayDisbursements", new AmazonPayDisbursements(amazonPayClient, watermarks, clock));
        registry.bind("amazonPayBackfill", new AmazonPayBackfill(amazonPayClient, clock, Duration.ofMinutes(30)));
        mws = new MwsConnection(
                MwsSettings.read(key -> properties.resolveProperty(key).orElse(null), locator), clock);
        registry.bind("mwsReports", new MwsReportSource(mws::client, delivered, clock));
        registry.bind(
                "retryAfterPause",
                new RetryAfterPause(Duration.ofMillis(settings.retry().maximumRedeliveryDelayMs())));
        spApi = new SpApiConnection(
                PayreportsSettings.readSpApi(
                        key -> properties.resolveProperty(key).orElse(null), locator),
                clock);
        SpApiBeans.bind(registry, spApi, state, watermarks, clock);

        DeadLetterWriter deadLetterWriter =
                new DeadLetterWriter(settings.outputDir(), clock, settings.deadLetterRowsPerFile());
        ConfiguredSinks sinks = ConfiguredSinks.build(
                key -> properties.resolveProperty(key).orElse(null),
                locator,
                ConfiguredSinks.names(properties
                        .loadProperties(key -> key.startsWith(ConfiguredSinks.PREFIX))
                        .stringPropertyNames()),
                settings,
                context,
                dataSources,
                deadLetterWriter,
                clock);
        Path spool = settings.dataDir().resolve("spool");
        RecordSpool.deleteLeftovers(spool);
        registry.bind(
                "reportDeliveries",
                new ReportDeliveries(
                        sinks.sinks,
                        sinks.deadLetters,
                        spool,
                        new ReportFormats(context),
                        settings.reportLimits(),
                        deadLetterWriter));
        context.addRoutes(new SinkRoutes(sinks.retries));
        registry.bind("deadLetters", new DeadLetters(deadLetterWriter, clock));

        // the registry Camel's Prometheus endpoint (/observe/metrics) serves; the API clients count into it through
        // Metrics.globalRegistry
        meters = Optional.ofNullable(registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class))
                .orElseGet(() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        registry.bind("metricsRegistry", meters);
        Metrics.addRegistry(meters);
        jobRuns.recordMetricsIn(new JobMetrics(meters, clock));
        jobRuns.limitRunsTo(settings.runDeadline());
        registry.bind("jobRuns", jobRuns);
        context.getManagementStrategy().addEventNotifier(jobRuns);
    }

    /** The state database; an H2 file another process holds is a one-line problem rather than a pool's stack trace. */
    private DataSource openState(String url) {
        try {
            return dataSources.forUrl(url);
        } catch (RuntimeException e) {
            if (!inUseByAnotherProcess(e)) {
                throw e;
            }
            throw new ConfigException(
                    List.of(
                            locator.problem(
                                    "payreports.state.jdbc-url",
                                    "the H2 database " + Redaction.jdbcUrl(url)
                                            + " is open in another process (another payreports run in this folder?): stop it, or give this run its own"
                                            + " PAYREPORTS_STATE_JDBC_URL; for two nodes use one PostgreSQL state database"
                                            + " (PAYREPORTS_STATE_JDBC_URL=jdbc:postgresql://HOST:5432/DB, payreports.cluster.enabled=true)")));
        }
    }

    /** H2's "Database may be already in use" (error 90020) anywhere in the cause chain. */
    private static boolean inUseByAnotherProcess(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    /** The Amazon Pay connection, opened on first use (in demo mode that starts the built-in simulator). */
    private synchronized AmazonPayConnection amazonPay(PayreportsSettings settings, boolean deliveryOnly) {
        if (amazonPay == null) {
            amazonPay = AmazonPayConnection.open(settings, locator, clock);
            if (!deliveryOnly) {
                amazonPay.warnIfDemo();
            }
        }
        return amazonPay;
    }

    JobRuns jobRuns() {
        return jobRuns;
    }

    /** Which Amazon APIs were called and where (the demo simulators of the sources jobs used). */
    synchronized String describeMode() {
        List<String> used = new ArrayList<>();
        if (amazonPay != null) {
            used.add(amazonPay.description());
        }
        if (spApi != null) {
            spApi.usedDescription().ifPresent(used::add);
        }
        return used.isEmpty() ? "no Amazon API called" : String.join("; ", used);
    }

    @Override
    public synchronized void close() {
        if (meters != null) {
            Metrics.removeRegistry(meters);
        }
        dataSources.close();
        if (amazonPay != null) {
            amazonPay.close();
        }
        if (mws != null) {
            mws.close();
        }
        if (spApi != null) {
            spApi.close();
        }
    }
}
