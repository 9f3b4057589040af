package io.payreports.jobs;

import io.payreports.reports.AmountNotation;
import io.payreports.reports.ReadOptions;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What flows between the steps of a job route, in one typed exchange property ({@value #PROPERTY}): the run and
 * the job's settings, set once by the route's first step ({@link JobRuns#begin}), and the report in flight,
 * which the source's steps fill in. Beans take it as a parameter: {@code ${exchangeProperty.job}}.
 * <p>
 * Each split of a job route gives its parts their own copy ({@link Scope}, the split's {@code onPrepare}): a
 * report chosen in one part is not the report of the next part nor of the run after the split, as an exchange
 * property set in a split part is not. The run's counts, its watermark target and its acknowledgements are
 * shared by every copy.
 */
public final class JobContext {

    /** The exchange property, and the name the YAML routes use: {@code ${exchangeProperty.job}}. */
    public static final String PROPERTY = "job";

    private final JobRun run;
    private final List<String> sinks;
    private final String charset;
    private final String amounts;
    /** Where a watermark job's watermark moves once the run ends (before any report that failed). */
    private final AtomicReference<Instant> watermarkTarget;
    /** Reports delivered in this run that the source wants confirmed after it (MWS acknowledgements). */
    private final Queue<String> toAcknowledge;

    private ReportContext report;
    private Instant position;
    private Object item;
    private RecordLayout<?> layout;
    private Charset documentCharset;
    private ReportDelivery<?> delivery;
    private long parkedBySinks;
    private String sink;

    /**
     * @param sinks   comma-separated names of the sinks every record goes to
     * @param charset the text encoding of documents whose download names none; null for {@link ReadOptions#DEFAULTS}
     * @param amounts how amounts are written: {@link AmountNotation#of}; null for {@link ReadOptions#DEFAULTS}
     */
    JobContext(JobRun run, String sinks, String charset, String amounts) {
        this.run = run;
        this.sinks = Arrays.stream(sinks.split(",")).map(String::trim).toList();
        this.charset = charset;
        this.amounts = amounts;
        this.watermarkTarget = new AtomicReference<>();
        this.toAcknowledge = new ConcurrentLinkedQueue<>();
    }

    private JobContext(JobContext parent) {
        this.run = parent.run;
        this.sinks = parent.sinks;
        this.charset = parent.charset;
        this.amounts = parent.amounts;
        this.watermarkTarget = parent.watermarkTarget;
        this.toAcknowledge = parent.toAcknowledge;
        this.report = parent.report;
        this.position = parent.position;
        this.item = parent.item;
        this.layout = parent.layout;
        this.documentCharset = parent.documentCharset;
        this.delivery = parent.delivery;
        this.parkedBySinks = parent.parkedBySinks;
        this.sink = parent.sink;
    }

    /** The job context of an exchange of a job route. */
    public static JobContext of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, JobContext.class);
    }

    /**
     * The {@code onPrepare} of every split in a job route ({@code onPrepare: "#jobScope"}): the part starts with
     * a copy of its parent's context, so what it chooses stays its own.
     */
    public static final class Scope implements Processor {
        @Override
        public void process(Exchange exchange) {
            JobContext parent = of(exchange);
            if (parent != null) {
                exchange.setProperty(PROPERTY, new JobContext(parent));
            }
        }
    }

    public JobRun run() {
        return run;
    }

    /** What the job's state is kept under: {@link JobRun#stateKey()}; the routes key delivered reports by it. */
    public String stateKey() {
        return run.stateKey();
    }

    /** The job's sinks, in the order the job names them. */
    public List<String> sinks() {
        return sinks;
    }

    /** The charset of a document: the one its download named, else the job's. */
    public Charset charset() {
        if (documentCharset != null) {
            return documentCharset;
        }
        return charset == null ? ReadOptions.DEFAULTS.charset() : Charset.forName(charset);
    }

    public AmountNotation amounts() {
        return amounts == null ? ReadOptions.DEFAULTS.amounts() : AmountNotation.of(amounts);
    }

    /** The report in flight: the job's source named it; its records carry it. Null before the first. */
    public ReportContext report() {
        return report;
    }

    /**
     * Starts a report: what it is, and where it sits in its source's order (e.g. its creation time) so that a
     * watermark stays before it should it fail. The source's own description of it ({@code item}) is kept for
     * the steps that fetch it, and a redelivery starts again from it.
     */
    public void select(ReportContext report, Instant position, Object item) {
        this.report = report;
        this.position = position;
        this.item = item;
        this.layout = null;
        this.documentCharset = null;
    }

    /** The selected report's records come as a list (JSON APIs), written in this layout. */
    public void recordsIn(RecordLayout<?> recordLayout) {
        this.layout = recordLayout;
    }

    /** Where the failed report sits in its source's order: the watermark must not pass it. */
    public Instant position() {
        return position;
    }

    /** The source's own description of the report in flight, e.g. Amazon Pay's {@code Report}. */
    public <T> T item(Class<T> type) {
        return type.cast(item);
    }

    /** The layout of records that come as a list; null for a document, whose report type names its layout. */
    public RecordLayout<?> layout() {
        return layout;
    }

    /** The charset the document's download declared (its Content-Type); null when it declared none. */
    public void documentCharset(Charset declared) {
        this.documentCharset = declared;
    }

    /** Where the run's watermark moves once it ends, should every report before it have been delivered. */
    public void watermarkTarget(Instant target) {
        watermarkTarget.set(target);
    }

    public Instant watermarkTarget() {
        return watermarkTarget.get();
    }

    /** The reports the source wants confirmed once the run delivered them. */
    public Queue<String> toAcknowledge() {
        return toAcknowledge;
    }

    /** The sink whose route the report is in, named in retry lines and its dead letters. */
    public String sink() {
        return sink;
    }

    void sink(String name) {
        this.sink = name;
    }

    ReportDelivery<?> delivery() {
        return delivery;
    }

    void delivery(ReportDelivery<?> opened) {
        this.delivery = opened;
    }

    /** How many records of the last delivered report the sinks had to dead-letter. */
    public long parkedBySinks() {
        return parkedBySinks;
    }

    void parkedBySinks(long count) {
        this.parkedBySinks = count;
    }
}
