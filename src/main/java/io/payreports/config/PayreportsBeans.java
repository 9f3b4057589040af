package io.payreports.config;

import io.payreports.amazonpay.AmazonPayBackfill;
import io.payreports.amazonpay.AmazonPayDisbursements;
import io.payreports.amazonpay.AmazonPayReportSource;
import io.payreports.amazonpay.RetryAfterPause;
import io.payreports.jobs.DeadLetters;
import io.payreports.jobs.JobRuns;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.reports.ReportFormats;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.FileFormat;
import io.payreports.sinks.FileRecordsSink;
import io.payreports.sinks.JdbcRecordsSink;
import io.payreports.sinks.RecordSink;
import io.payreports.state.WatermarkStore;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The beans our routes refer to by name ({@code amazonPayReports}, {@code reportDeliveries},
 * {@code deliveredReports}, ...), built from the settings once Camel's properties are loaded.
 */
public final class PayreportsBeans implements CamelConfiguration, AutoCloseable {

    private final ConfigLocator locator;
    private final Clock clock = Clock.systemUTC();
    private final DataSources dataSources = new DataSources();
    private final JobRuns jobRuns = new JobRuns(clock);
    private AmazonPayConnection amazonPay;
    private SpApiConnection spApi;

    PayreportsBeans(ConfigLocator locator) {
        this.locator = locator;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        PayreportsSettings settings = PayreportsSettings.read(key -> properties.resolveProperty(key).orElse(null), locator);
        Registry registry = context.getRegistry();

        DataSource state = dataSources.forUrl(settings.stateJdbcUrl());
        JdbcMessageIdRepository delivered = new JdbcMessageIdRepository(state, "payreports");
        registry.bind("deliveredReports", delivered);
        context.addService(delivered, true);

        amazonPay = AmazonPayConnection.open(settings, locator, clock);
        WatermarkStore watermarks = new WatermarkStore(state);
        registry.bind("amazonPayReports", new AmazonPayReportSource(amazonPay.client(), watermarks, clock));
        registry.bind("amazonPayDisbursements", new AmazonPayDisbursements(amazonPay.client(), watermarks, clock));
        registry.bind("amazonPayBackfill", new AmazonPayBackfill(amazonPay.client(), clock, Duration.ofMinutes(30)));
        registry.bind("retryAfterPause", new RetryAfterPause(Duration.ofMillis(settings.retry().maximumRedeliveryDelayMs())));
        spApi = new SpApiConnection(PayreportsSettings.readSpApi(key -> properties.resolveProperty(key).orElse(null), locator), clock);
        SpApiBeans.bind(registry, spApi, state, watermarks, clock);

        DeadLetterWriter deadLetterWriter = new DeadLetterWriter(settings.outputDir());
        registry.bind("reportDeliveries", new ReportDeliveries(sinks(settings, properties), new ReportFormats(context),
                settings.reportLimits(), deadLetterWriter, clock));
        registry.bind("deadLetters", new DeadLetters(deadLetterWriter, clock));

        registry.bind("jobRuns", jobRuns);
        context.getManagementStrategy().addEventNotifier(jobRuns);
    }

    private Map<String, RecordSink> sinks(PayreportsSettings settings, PropertiesComponent properties) {
        String formatList = properties.resolveProperty("payreports.sinks.file.formats").orElse("jsonl,csv");
        Set<FileFormat> formats = EnumSet.noneOf(FileFormat.class);
        for (String format : formatList.split(",")) {
            try {
                formats.add(FileFormat.valueOf(format.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(List.of(locator.problem("payreports.sinks.file.formats",
                        "unknown format '" + format.trim() + "', use " + Arrays.stream(FileFormat.values())
                                .map(value -> value.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))));
            }
        }
        Map<String, RecordSink> sinks = new LinkedHashMap<>();
        sinks.put("file", new FileRecordsSink(settings.outputDir(), formats));
        sinks.put("jdbc", new JdbcRecordsSink(dataSources.forUrl(settings.recordsJdbcUrl()), 500));
        return sinks;
    }

    JobRuns jobRuns() {
        return jobRuns;
    }

    String describeMode() {
        return (amazonPay == null ? "not started" : amazonPay.description()) + (spApi == null ? "" : spApi.usedDescription().map(used -> "; " + used).orElse(""));
    }

    @Override
    public void close() {
        dataSources.close();
        if (amazonPay != null) {
            amazonPay.close();
        }
        if (spApi != null) {
            spApi.close();
        }
    }
}
