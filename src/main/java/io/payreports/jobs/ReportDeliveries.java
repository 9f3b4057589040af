package io.payreports.jobs;

import io.payreports.reports.AccountedLayout;
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
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code payreports-deliver-report} route: stream the report's rows into a local
 * spool (dead-lettering the rows that do not bind), then hand the spool to each of the job's sinks
 * through that sink's own route, which retries it and finally dead-letters its records (the sink
 * templates, {@code camel/sinks/*.yaml}); the report is delivered when every sink took it or
 * dead-lettered it.
 */
public class ReportDeliveries implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDeliveries.class);

    private final Map<String, RecordSink> sinks;
    private final Map<String, RecordDeadLetters> sinkDeadLetters;
    private final Path spoolDirectory;
    private final ReportFormats formats;
    private final ReportLimits limits;
    private final DeadLetterWriter deadLetters;
    private final Clock clock;
    private volatile JobMetrics metrics;
    /** Set by the registry the bean is bound in: the sink routes a job's sinks must have. */
    private CamelContext camelContext;

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

    /** The first step of a report's delivery: its spool, and the sinks it goes to. */
    public void open(JobContext job) throws Exception {
        ReportContext report = job.report();
        // every sink stores the account beside the report's own columns (and keys its rows by it)
        RecordLayout<Object> layout = AccountedLayout.of(layoutOf(job, report), report.account());
        job.delivery(new ReportDelivery<>(
                report,
                layout,
                knownSinks(job),
                RecordSpool.create(spoolDirectory, layout.columns()),
                deadLetters.rejectedRows(report)));
        job.run().reportStarted(report.reportId());
    }

    /**
     * Reads the whole report into the spool in one pass: each bound row is spooled, each row that
     * does not bind goes to the dead letters, and reading goes on. One call for the report, not one
     * exchange per row: a split with a choice and a bean call per row cost more than reading and
     * writing the rows together (issue 18), and the spool already keeps memory flat.
     */
    @SuppressWarnings("unchecked")
    public void spool(JobContext job, Object body) throws Exception {
        ReportDelivery<Object> delivery = (ReportDelivery<Object>) job.delivery();
        ReportFormats.Rows<?> rows = rows(job, body, delivery);
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
    private ReportFormats.Rows<?> rows(JobContext job, Object body, ReportDelivery<Object> delivery) throws Exception {
        ReportContext report = delivery.report();
        if (body instanceof List<?> records) {
            return ReportFormats.Rows.of((List<Object>) records, delivery.layout());
        }
        if (!(body instanceof InputStream document)) {
            throw new IllegalArgumentException("report " + report.reportId() + " has no document to read: "
                    + (body == null ? "no body" : body.getClass().getName()));
        }
        ReportFormats.Rows<?> rows = formats.open(report.reportType(), document, report.reportId(), readOptions(job));
        delivery.readingFrom(rows);
        return rows;
    }

    /** The document's own charset if its Content-Type names one, else the job's; the job's amount notation. */
    private ReadOptions readOptions(JobContext job) {
        return new ReadOptions(job.charset(), job.amounts(), limits);
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
    public List<String> sinks(JobContext job) throws IOException {
        return job.delivery().readToEnd();
    }

    /** The first step of a sink's route: the context names the sink, for its retry lines and dead letters. */
    public void inSink(JobContext job, String sinkName) {
        job.sink(sinkName);
    }

    /**
     * One attempt of one sink: the whole spool, committed or not at all, read again as often as the
     * writer asks (a second pass when PostgreSQL meets keys it holds already). The sink's route retries a
     * failure; each attempt starts from the first record.
     */
    public void publish(JobContext job, String sinkName) throws Exception {
        ReportDelivery<?> delivery = job.delivery();
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
     * format the target's extension names ({@code {reportType}/{yyyy}/{MM}/{reportId}.csv.gz}). A redelivery
     * sends the same file again; it is deleted with the delivery.
     */
    public File render(JobContext job, String target, boolean gzip) throws IOException {
        return job.delivery()
                .render(pattern(target, gzip).encoding(), spoolDirectory)
                .toFile();
    }

    /** The name of the file {@link #render} makes, for {@code CamelFileName}: the target with the report's values. */
    public String fileName(JobContext job, String target, boolean gzip) {
        ReportDelivery<?> delivery = job.delivery();
        return pattern(target, gzip).resolve(delivery.report(), delivery.layout());
    }

    private TargetPattern pattern(String target, boolean gzip) {
        return new TargetPattern(gzip ? target + ".gz" : target, clock);
    }

    /** The end of a file, SFTP or S3 sink's route: its endpoint took every file of the report. */
    public void rendered(JobContext job, String sinkName) {
        ReportDelivery<?> delivery = job.delivery();
        // a file sink writes one file per format: a format its route gave up on has dead-lettered the report
        if (!delivery.deadLetteredBySink().containsKey(sinkName)) {
            delivery.delivered(sinkName, delivery.records());
        }
    }

    /** The end of a sink's dead-letter channel: its retries are exhausted; park the records with the cause. */
    public void sinkGaveUp(JobContext job, Throwable failure) throws Exception {
        ReportDelivery<?> delivery = job.delivery();
        String sinkName = job.sink();
        if (delivery.deadLetteredBySink().containsKey(sinkName)) {
            return; // another format of a file sink parked the records already
        }
        Throwable cause = DeadLetters.rootCause(failure);
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

    public void commit(JobContext job) {
        ReportDelivery<?> delivery = job.delivery();
        if (!delivery.settled()) {
            throw new IllegalStateException("report " + delivery.report().reportId() + " is not settled in every sink");
        }
        delivery.logOutcome();
        if (metrics != null) {
            metrics.reportDelivered(delivery.report(), delivery.elapsed());
        }
        job.parkedBySinks(delivery.deadLetteredBySink().values().stream()
                .mapToLong(Long::longValue)
                .sum());
        JobRun run = job.run();
        run.rowsRejectedIn(delivery.rejectedFiles());
        run.reportDelivered(
                delivery.report(),
                delivery.records(),
                delivery.rejectedRows(),
                delivery.deliveredBySink(),
                delivery.deadLetteredBySink());
    }

    public void close(JobContext job) {
        ReportDelivery<?> delivery = job.delivery();
        if (delivery != null) {
            delivery.close();
            job.delivery(null);
            job.run().reportEnded(delivery.report().reportId());
        }
    }

    @SuppressWarnings("unchecked")
    private RecordLayout<Object> layoutOf(JobContext job, ReportContext report) {
        RecordLayout<?> given = job.layout();
        if (given != null) {
            return (RecordLayout<Object>) given;
        }
        return (RecordLayout<Object>) formats.layout(report.reportType())
                .orElseThrow(() -> new IllegalArgumentException(
                        "no reader for report type " + report.reportType() + "; supported: " + formats.reportTypes()));
    }

    /** The job's sinks, each of which has its route (camel/sinks/*.yaml); a name without one fails the report. */
    private List<String> knownSinks(JobContext job) {
        for (String sink : job.sinks()) {
            if (camelContext.hasEndpoint("direct:payreports-sink-" + sink) == null) {
                throw new IllegalArgumentException("unknown sink '" + sink + "'");
            }
        }
        return job.sinks();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
