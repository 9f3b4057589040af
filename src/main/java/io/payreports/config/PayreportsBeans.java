package io.payreports.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.payreports.amazonpay.AmazonPayBackfill;
import io.payreports.amazonpay.AmazonPayDisbursements;
import io.payreports.amazonpay.AmazonPayReportSource;
import io.payreports.health.JobHealthCheck;
import io.payreports.health.SchedulerHealthCheck;
import io.payreports.jobs.ApiCalls;
import io.payreports.jobs.DeadLetterReplay;
import io.payreports.jobs.DeadLetters;
import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobMetrics;
import io.payreports.jobs.JobRuns;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.jobs.RetryAfterPause;
import io.payreports.mws.MwsReportSource;
import io.payreports.reconciliation.ReconciliationJob;
import io.payreports.reconciliation.ReconciliationMetrics;
import io.payreports.reports.ReportFormats;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.JdbcRecordsSink;
import io.payreports.sinks.RecordSpool;
import io.payreports.sinks.Redaction;
import io.payreports.state.DeliveredReports;
import io.payreports.state.RunHistory;
import io.payreports.state.StateDatabaseHealthCheck;
import io.payreports.state.StateSchema;
import io.payreports.state.WatermarkStore;
import io.payreports.status.StatusEndpoint;
import io.payreports.status.StatusReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.quartz.Scheduler;

/**
 * The beans our routes refer to by name ({@code amazonPayReports}, {@code reportDeliveries},
 * {@code deliveredReports}, ...), built from the settings once Camel's properties are loaded.
 */
public final class PayreportsBeans implements CamelConfiguration, AutoCloseable {

    private final ConfigLocator locator;
    private final Optional<Path> routesDir;
    private final Clock clock = RuntimeClock.get();
    private final DataSources dataSources = new DataSources();
    private final JobRuns jobRuns = new JobRuns(clock);
    private MeterRegistry meters;
    private Accounts accounts;

    private boolean deliveryOnly;

    /** @param routesDir the job files, whose {@code sinks/} folder declares sinks; empty for the demo */
    PayreportsBeans(ConfigLocator locator, Optional<Path> routesDir) {
        this.locator = locator;
        this.routesDir = routesDir;
    }

    /** No job will run (replay): Amazon Pay is never called, so its demo mode is not worth a warning. */
    void onlyDeliver() {
        deliveryOnly = true;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Function<String, String> lookup = key -> properties.resolveProperty(key).orElse(null);
        PayreportsSettings settings = PayreportsSettings.read(lookup, locator);
        Registry registry = context.getRegistry();
        settings.applyHttpLimits();

        // the registry Camel's Prometheus endpoint (/observe/metrics) serves; the API clients count into it through
        // Metrics.globalRegistry. Made first, so the connection pools report into it from their start.
        meters = Optional.ofNullable(registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class))
                .orElseGet(() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        registry.bind("metricsRegistry", meters);
        Metrics.addRegistry(meters);
        ApiCalls.registerErrorCounters();
        dataSources.measureIn(meters);

        DataSource state = openState(settings.stateJdbcUrl());
        registry.bind("stateDatabaseHealthCheck", new StateDatabaseHealthCheck(state));
        PayreportsSettings.Cluster cluster = PayreportsSettings.readCluster(lookup, locator);
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
        accounts = new Accounts(
                AccountSettings.readAll(
                        lookup,
                        locator,
                        properties
                                .loadProperties(key -> key.startsWith(AccountKeys.PREFIX))
                                .stringPropertyNames()),
                settings,
                DemoAmazonPay.faults(lookup, locator),
                locator,
                clock,
                deliveryOnly);
        accounts.openKeyed(); // a bad key file fails the start, not the first job
        // the sources ask for their job's account's connection on first use, so a demo simulator starts only when
        // a job of its account runs
        registry.bind("amazonPayReports", new AmazonPayReportSource(accounts::amazonPay, watermarks, clock));
        registry.bind("amazonPayDisbursements", new AmazonPayDisbursements(accounts::amazonPay, watermarks, clock));
        registry.bind("amazonPayBackfill", new AmazonPayBackfill(accounts::amazonPay, clock, Duration.ofMinutes(30)));
        registry.bind("mwsReports", new MwsReportSource(accounts::mws, delivered, clock));
        RetryAfterPause retryAfterPause =
                new RetryAfterPause(Duration.ofMillis(settings.retry().maximumRedeliveryDelayMs()));
        registry.bind("retryAfterPause", retryAfterPause);
        SpApiBeans.bind(registry, accounts, state, watermarks, clock, retryAfterPause);

        DeadLetterWriter deadLetterWriter =
                new DeadLetterWriter(settings.outputDir(), clock, settings.deadLetterRowsPerFile());
        ConfiguredSinks.load(context, ConfiguredSinks.declarationFiles(routesDir));
        ConfiguredSinks sinks = ConfiguredSinks.build(
                lookup,
                locator,
                ConfiguredSinks.names(properties
                        .loadProperties(key -> key.startsWith(ConfiguredSinks.PREFIX))
                        .stringPropertyNames()),
                settings,
                context,
                dataSources,
                deadLetterWriter,
                clock);
        sinks.healthChecks().forEach((name, check) -> registry.bind("sinkHealthCheck-" + name, check));
        Path spool = settings.dataDir().resolve("spool");
        RecordSpool.deleteLeftovers(spool);
        ReportDeliveries deliveries = new ReportDeliveries(
                sinks.sinks,
                sinks.deadLetters,
                spool,
                new ReportFormats(context),
                settings.reportLimits(),
                deadLetterWriter,
                clock);
        registry.bind("reportDeliveries", deliveries);
        registry.bind("deadLetters", new DeadLetters(deadLetterWriter, clock));

        JobMetrics jobMetrics = new JobMetrics(meters, clock);
        jobRuns.recordMetricsIn(jobMetrics);
        deliveries.recordMetricsIn(jobMetrics);
        jobRuns.limitRunsTo(settings.runDeadline());
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                watchJobs(started, jobMetrics);
            }
        });
        if (sinks.sinks.get("jdbc") instanceof JdbcRecordsSink records) {
            registry.bind(
                    "reconciliation",
                    new ReconciliationJob(
                            records,
                            settings.outputDir(),
                            ReconciliationSettings.read(lookup, locator),
                            new ReconciliationMetrics(meters),
                            clock));
        }
        registry.bind("jobRuns", jobRuns);
        registry.bind("jobScope", new JobContext.Scope());
        context.getManagementStrategy().addEventNotifier(jobRuns);

        RunHistory history = new RunHistory(state, RunHistory.nodeName());
        jobRuns.recordHistoryIn(history);
        context.addStartupListener(new StatusEndpoint(
                new StatusReport(history, watermarks, settings.outputDir(), clock),
                () -> new DeadLetterReplay(context, jobRuns),
                settings.outputDir(),
                PayreportsSettings.readReplayToken(lookup, locator)));
    }

    /**
     * Once the job routes exist: every job's metric series at 0 (docs/operations.md, alerts), a health check
     * per job (staleness) and one of the scheduler that fires them.
     */
    private void watchJobs(CamelContext context, JobMetrics jobMetrics) {
        Map<String, String> accounts = ScheduledJobs.accountsByJob(context);
        ScheduledJobs.sinksByJob(context).forEach((job, sinks) -> jobMetrics.register(job, accounts.get(job), sinks));
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        Scheduler scheduler = null;
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz && health != null) {
                scheduler = quartz.getComponent().getScheduler();
                health.register(new JobHealthCheck(
                        quartz.getTriggerKey().getName(), scheduler, quartz.getTriggerKey(), jobRuns, clock));
            }
        }
        if (scheduler != null) {
            health.register(new SchedulerHealthCheck(scheduler));
        }
    }

    /** The state database; an H2 file another process holds is a one-line problem rather than a pool's stack trace. */
    private DataSource openState(String url) {
        try {
            return dataSources.forUrl(url);
        } catch (RuntimeException e) {
            if (!DataSources.inUseByAnotherProcess(e)) {
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

    JobRuns jobRuns() {
        return jobRuns;
    }

    /** Which Amazon APIs were called and where (the demo simulators of the sources jobs used). */
    synchronized String describeMode() {
        return accounts == null ? "no Amazon API called" : accounts.describe();
    }

    @Override
    public synchronized void close() {
        if (meters != null) {
            Metrics.removeRegistry(meters);
        }
        dataSources.close();
        if (accounts != null) {
            accounts.close();
        }
    }
}
