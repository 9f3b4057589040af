package io.payreports.config;

import io.payreports.amazonpay.AmazonPayBackfill;
import io.payreports.amazonpay.AmazonPayDisbursements;
import io.payreports.amazonpay.AmazonPayReportSource;
import io.payreports.amazonpay.RetryAfterPause;
import io.payreports.http.GuardedHttp;
import io.payreports.http.PagingGuard;
import io.payreports.jobs.DeadLetters;
import io.payreports.jobs.JobRuns;
import io.payreports.jobs.JobMetrics;
import io.payreports.state.DeliveredReports;
import io.payreports.state.StateDatabaseHealthCheck;
import io.payreports.state.StateSchema;
import io.payreports.jobs.ReportDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.payreports.mws.MwsReportSource;
import io.payreports.reports.ReportFormats;
import io.payreports.jobs.SinkRoutes;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.RecordSpool;
import io.payreports.state.WatermarkStore;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The beans our routes refer to by name ({@code amazonPayReports}, {@code reportDeliveries},
 * {@code deliveredReports}, ...), built from the settings once Camel's properties are loaded.
 */
public final class PayreportsBeans implements CamelConfiguration, AutoCloseable {

    private final ConfigLocator locator;
    private final Clock clock = Clock.systemUTC();
    private final DataSources dataSources = new DataSources();
    private final JobRuns jobRuns = new JobRuns(clock);
    private MeterRegistry meters;
    private AmazonPayConnection amazonPay;
    private MwsConnection mws;
    private SpApiConnection spApi;

    PayreportsBeans(ConfigLocator locator) {
        this.locator = locator;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        PayreportsSettings settings = PayreportsSettings.read(key -> properties.resolveProperty(key).orElse(null), locator);
        Registry registry = context.getRegistry();
        GuardedHttp.use(settings.httpDeadlines());
        PagingGuard.use(settings.pagingLimits());

        DataSource state = dataSources.forUrl(settings.stateJdbcUrl());
        registry.bind("stateDatabaseHealthCheck", new StateDatabaseHealthCheck(state));
        boolean clustered = Boolean.parseBoolean(properties.resolveProperty("payreports.cluster.enabled").orElse("false"));
        if (clustered) {
            Duration checkin = Duration.ofMillis(Long.parseLong(properties.resolveProperty("payreports.cluster.checkin-interval").orElse("5000")));
            QuartzCluster.configure(context, settings.stateJdbcUrl(), checkin, locator);
        }
        if (settings.stateJdbcUrl().startsWith("jdbc:postgresql:")) {
            StateSchema.ensure(state, clustered); // before anything uses the tables: nodes may start together
        }
        DeliveredReports delivered = new DeliveredReports(state);
        registry.bind("deliveredReports", delivered);
        context.addService(delivered, true);

        amazonPay = AmazonPayConnection.open(settings, locator, clock);
        WatermarkStore watermarks = new WatermarkStore(state);
        registry.bind("amazonPayReports", new AmazonPayReportSource(amazonPay.client(), watermarks, clock));
        registry.bind("amazonPayDisbursements", new AmazonPayDisbursements(amazonPay.client(), watermarks, clock));
        registry.bind("amazonPayBackfill", new AmazonPayBackfill(amazonPay.client(), clock, Duration.ofMinutes(30)));
        mws = MwsConnection.open(MwsSettings.read(key -> properties.resolveProperty(key).orElse(null), locator), clock);
        registry.bind("mwsReports", new MwsReportSource(mws.client(), delivered, clock));
        registry.bind("retryAfterPause", new RetryAfterPause(Duration.ofMillis(settings.retry().maximumRedeliveryDelayMs())));
        spApi = new SpApiConnection(PayreportsSettings.readSpApi(key -> properties.resolveProperty(key).orElse(null), locator), clock);
        SpApiBeans.bind(registry, spApi, state, watermarks, clock);

        DeadLetterWriter deadLetterWriter = new DeadLetterWriter(settings.outputDir(), clock);
        ConfiguredSinks sinks = ConfiguredSinks.build(key -> properties.resolveProperty(key).orElse(null), locator,
                ConfiguredSinks.names(properties.loadProperties(key -> key.startsWith(ConfiguredSinks.PREFIX)).stringPropertyNames()),
                settings, context, dataSources, deadLetterWriter, clock);
        Path spool = settings.dataDir().resolve("spool");
        RecordSpool.deleteLeftovers(spool);
        registry.bind("reportDeliveries", new ReportDeliveries(sinks.sinks, sinks.deadLetters, spool, new ReportFormats(context),
                settings.reportLimits(), deadLetterWriter, clock));
        context.addRoutes(new SinkRoutes(sinks.retries));
        registry.bind("deadLetters", new DeadLetters(deadLetterWriter, clock));

        // the registry Camel's Prometheus endpoint (/observe/metrics) serves; the API clients count into it through Metrics.globalRegistry
        meters = Optional.ofNullable(registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class))
                .orElseGet(() -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        registry.bind("metricsRegistry", meters);
        Metrics.addRegistry(meters);
        jobRuns.recordMetricsIn(new JobMetrics(meters, clock));
        registry.bind("jobRuns", jobRuns);
        context.getManagementStrategy().addEventNotifier(jobRuns);
    }

    JobRuns jobRuns() {
        return jobRuns;
    }

    String describeMode() {
        return (amazonPay == null ? "not started" : amazonPay.description()) + (spApi == null ? "" : spApi.usedDescription().map(used -> "; " + used).orElse(""));
    }

    @Override
    public void close() {
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
