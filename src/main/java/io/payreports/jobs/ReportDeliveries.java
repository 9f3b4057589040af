package io.payreports.jobs;

import io.payreports.reports.AccountedLayout;
import io.payreports.reports.AmountNotation;
import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReadOptions;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportFormats;
import io.payreports.reports.ReportLimits;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.RecordDeadLetters;
import io.payreports.sinks.RecordSink;
import io.payreports.sinks.RecordSpool;
import io.payreports.sinks.ReportWriter;
import io.payreports.sinks.SpooledLayout;
import io.payreports.sinks.TargetPattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code payreports-deliver-report} route: stream the report's rows into a local
 * spool (dead-lettering the rows that do not bind), then hand the spool to each of the job's sinks
 * through that sink's own route, which retries it and finally dead-letters its records (the sink
 * templates, {@code camel/sinks/*.yaml}); the report is delivered when every sink took it or
 * dead-lettered it.
 */
public class ReportDeliveries {

    /** Exchange property: the comma-separated sink names of the job. */
    public static final String SINKS = "payreportsSinks";
    /** Exchange property: the layout of records that come as a list, not as a report document. */
    public static final String LAYOUT = "payreportsLayout";
    /** Exchange property after commit: how many records of the report the sinks had to dead-letter. */
    public static final String SINK_DEAD_LETTERS = "payreportsSinkDeadLetters";

    /** Exchange property: the sink whose route the exchange is in, for the retry log line ({@link JobRuns}). */
    public static final String SINK = "payreportsSink";

    private static final String DELIVERY = "payreportsDelivery";
    private static final Logger LOG = LoggerFactory.getLogger(ReportDeliveries.class);

    private final Map<String, RecordSink> sinks;
    private final Map<String, RecordDeadLetters> sinkDeadLetters;
    private final Path spoolDirectory;
    private final ReportFormats formats;
    private final ReportLimits limits;
    private final DeadLetterWriter deadLetters;
    private final Clock clock;
    private volatile JobMetrics metrics;

    /**
     * @param sinkDeadLetters where each sink parks the records it could not take; a sink not named
     *                        here parks them in the dead-letter files
     * @param sinks           the sinks whose records Java writes (jdbc, kafka); the others deliver through
     *                        the endpoint of their route, from a file {@link #render} makes
     * @param spoolDirectory  where reports are spooled between reading and delivering
     */
    public ReportDeliveries(
            Map<String, RecordSink> sinks,
            Map<String, RecordDeadLetters> sinkDeadLetters,
            Path spoolDirectory,
            ReportFormats formats,
            ReportLimits limits,
            DeadLetterWriter deadLetters,
            Clock clock) {
        this.sinks = Map.copyOf(sinks);
        this.sinkDeadLetters = Map.copyOf(sinkDeadLetters);
        this.spoolDirectory = spoolDirectory;
        this.formats = formats;
        this.limits = limits;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** Also times each report's delivery (payreports_report_delivery_duration_seconds). */
    public void recordMetricsIn(JobMetrics jobMetrics) {
        this.metrics = jobMetrics;
    }

    public void open(Exchange exchange) throws Exception {
        ReportContext report = exchange.getProperty(ReportContext.PROPERTY, ReportContext.class);
        // every sink stores the account beside the report's own columns (and keys its rows by it)
        RecordLayout<Object> layout = AccountedLayout.of(layoutOf(exchange, report), report.account());
        List<String> sinkNames = sinkNames(exchange);
        exchange.setProperty(
                DELIVERY,
                new ReportDelivery<>(
                        report,
                        layout,
                        sinkNames,
                        RecordSpool.create(spoolDirectory, layout.columns()),
                        deadLetters.rejectedRows(report)));
        exchange.getProperty(JobRun.PROPERTY, JobRun.class).reportStarted(report.reportId());
    }

    /**
     * Reads the whole report into the spool in one pass: each bound row is spooled, each row that
     * does not bind goes to the dead letters, and reading goes on. One call for the report, not one
     * exchange per row: a split with a choice and a bean call per row cost more than reading and
     * writing the rows together (issue 18), and the spool already keeps memory flat.
     */
    @SuppressWarnings("unchecked")
    public void spool(Exchange exchange) throws Exception {
        ReportDelivery<Object> delivery = (ReportDelivery<Object>) delivery(exchange);
        ReportFormats.Rows<?> rows = rows(exchange, delivery);
        while (rows.hasNext()) {
            ParsedRow<?> row = rows.next();
            if (row instanceof ParsedRow.Failed<?> failed) {
                reject(delivery, failed);
            } else {
                delivery.write(((ParsedRow.Bound<?>) row).record());
            }
        }
    }

    /**
     * The report's rows, streamed from the downloaded document in the body, or the records
     * themselves when a source answered them as a list (JSON APIs).
     */
    @SuppressWarnings("unchecked") // a list body holds the records of the report's layout
    private ReportFormats.Rows<?> rows(Exchange exchange, ReportDelivery<Object> delivery) throws Exception {
        ReportContext report = delivery.report();
        if (exchange.getMessage().getBody() instanceof List<?> records) {
            return ReportFormats.Rows.of((List<Object>) records, delivery.layout());
        }
        ReportFormats.Rows<?> rows = formats.open(
                report.reportType(),
                exchange.getMessage().getMandatoryBody(InputStream.class),
                report.reportId(),
                readOptions(exchange));
        delivery.readingFrom(rows);
        return rows;
    }

    /** The document's own charset if its Content-Type names one, else the job's; the job's amount notation. */
    private ReadOptions readOptions(Exchange exchange) {
        Charset charset = exchange.getProperty(ReportContext.DOCUMENT_CHARSET, Charset.class);
        if (charset == null) {
            charset = Charset.forName(exchange.getProperty(ReportContext.JOB_CHARSET, "UTF-8", String.class));
        }
        return new ReadOptions(
                charset,
                AmountNotation.of(exchange.getProperty(ReportContext.JOB_AMOUNTS, "auto", String.class)),
                limits);
    }

    /**
     * A row that cannot be bound goes to the dead letters with its report, line and reason, and the
     * report goes on ({@link io.payreports.sinks.RejectedRows}: a few files per report, rewritten when
     * the report is read again).
     */
    private void reject(ReportDelivery<?> delivery, ParsedRow.Failed<?> row) throws IOException {
        delivery.rejected(row);
    }

    /** The split expression over the sinks, once every row is spooled: the names of the job's sinks. */
    public List<String> sinks(Exchange exchange) throws IOException {
        return delivery(exchange).readToEnd();
    }

    /**
     * One attempt of one sink: the whole spool, committed or not at all, read again as often as the
     * writer asks (a second pass when PostgreSQL meets keys it holds already). The sink's route retries a
     * failure; each attempt starts from the first record.
     */
    public void publish(Exchange exchange, String sinkName) throws Exception {
        ReportDelivery<?> delivery = delivery(exchange);
        try (ReportWriter<Object[]> writer =
                sinks.get(sinkName).open(delivery.report(), new SpooledLayout(delivery.layout()))) {
            do {
                ProgressLog progress = new ProgressLog(delivery.report(), "written to sink " + sinkName);
                long written = 0;
                try (RecordSpool.Reader records = delivery.spool().read()) {
                    for (Object[] record = records.next(); record != null; record = records.next()) {
                        writer.write(record);
                        progress.advanced(++written);
                    }
                }
            } while (writer.wantsRecordsAgain());
            writer.commit();
            delivery.delivered(sinkName, writer.count());
        }
    }

    /**
     * The body for a sink's file, SFTP or S3 endpoint: the report encoded once into a local file in the
     * format the target's extension names ({@code {reportType}/{yyyy}/{MM}/{reportId}.csv.gz}), named by
     * {@code CamelFileName}. A redelivery sends the same file again; it is deleted with the delivery.
     */
    public void render(Exchange exchange, String target, boolean gzip) throws IOException {
        ReportDelivery<?> delivery = delivery(exchange);
        TargetPattern pattern = new TargetPattern(gzip ? target + ".gz" : target, clock);
        exchange.getMessage()
                .setBody(delivery.render(pattern.encoding(), spoolDirectory).toFile());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, pattern.resolve(delivery.report(), delivery.layout()));
    }

    /** The end of a file, SFTP or S3 sink's route: its endpoint took every file of the report. */
    public void rendered(Exchange exchange, String sinkName) {
        ReportDelivery<?> delivery = delivery(exchange);
        // a file sink writes one file per format: a format its route gave up on has dead-lettered the report
        if (!delivery.deadLetteredBySink().containsKey(sinkName)) {
            delivery.delivered(sinkName, delivery.records());
        }
    }

    /** The end of a sink's dead-letter channel: its retries are exhausted; park the records with the cause. */
    public void sinkGaveUp(Exchange exchange, String sinkName) throws Exception {
        ReportDelivery<?> delivery = delivery(exchange);
        if (delivery.deadLetteredBySink().containsKey(sinkName)) {
            return; // another format of a file sink parked the records already
        }
        Throwable cause = DeadLetters.rootCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        long parked = sinkDeadLetters
                .getOrDefault(sinkName, deadLetters)
                .write(delivery.report(), delivery.layout(), delivery.spool(), sinkName, cause);
        delivery.deadLettered(sinkName, parked);
        LOG.warn(
                "job {}: sink {} gave up on report {}; {} records dead-lettered: {}",
                delivery.report().stateKey(),
                sinkName,
                delivery.report().reportId(),
                parked,
                JobRuns.oneLine(cause));
    }

    public void commit(Exchange exchange) {
        ReportDelivery<?> delivery = delivery(exchange);
        if (!delivery.settled()) {
            throw new IllegalStateException("report " + delivery.report().reportId() + " is not settled in every sink");
        }
        delivery.logOutcome();
        if (metrics != null) {
            metrics.reportDelivered(delivery.report(), delivery.elapsed());
        }
        exchange.setProperty(
                SINK_DEAD_LETTERS,
                delivery.deadLetteredBySink().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        run.rowsRejectedIn(delivery.rejectedFiles());
        run.reportDelivered(
                delivery.report(),
                delivery.records(),
                delivery.rejectedRows(),
                delivery.deliveredBySink(),
                delivery.deadLetteredBySink());
    }

    public void close(Exchange exchange) {
        ReportDelivery<?> delivery = exchange.getProperty(DELIVERY, ReportDelivery.class);
        if (delivery != null) {
            delivery.close();
            exchange.removeProperty(DELIVERY);
            exchange.getProperty(JobRun.PROPERTY, JobRun.class)
                    .reportEnded(delivery.report().reportId());
        }
    }

    @SuppressWarnings("unchecked")
    private RecordLayout<Object> layoutOf(Exchange exchange, ReportContext report) {
        RecordLayout<?> given = exchange.getProperty(LAYOUT, RecordLayout.class);
        if (given != null) {
            return (RecordLayout<Object>) given;
        }
        return (RecordLayout<Object>) formats.layout(report.reportType())
                .orElseThrow(() -> new IllegalArgumentException(
                        "no reader for report type " + report.reportType() + "; supported: " + formats.reportTypes()));
    }

    private List<String> sinkNames(Exchange exchange) {
        List<String> names = new ArrayList<>();
        for (String name : exchange.getProperty(SINKS, "", String.class).split(",")) {
            String sink = name.trim();
            if (exchange.getContext().hasEndpoint("direct:payreports-sink-" + sink) == null) {
                throw new IllegalArgumentException("unknown sink '" + sink + "'");
            }
            names.add(sink);
        }
        return names;
    }

    private static ReportDelivery<?> delivery(Exchange exchange) {
        return exchange.getProperty(DELIVERY, ReportDelivery.class);
    }
}
