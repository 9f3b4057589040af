package io.payreports.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.payreports.reports.ReportContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The job metrics operators alert on (docs/operations.md), recorded once per finished run. Prometheus
 * names: {@code payreports_records_fetched_total{job}}, {@code payreports_records_delivered_total{job,sink}},
 * {@code payreports_records_dead_lettered_total{job}}, {@code payreports_sink_records_dead_lettered_total{job,sink}},
 * {@code payreports_run_warnings_total{job}} (stale watermark, gaps), {@code payreports_job_runs_total{job,outcome}},
 * {@code payreports_retries_total{job}}, {@code payreports_last_success_timestamp_seconds{job}},
 * {@code payreports_job_never_succeeded{job}}, {@code payreports_report_lag_seconds{job}} (now minus the end of the
 * newest data delivered) and the histogram {@code payreports_report_delivery_duration_seconds{job}}. Every series
 * also has the label {@code account}, the merchant account the job runs for ({@code default} for jobs that name
 * none), so that a dashboard or alert can sum or split by account.
 *
 * <p>Every series of a job exists from the start ({@link #register}): counts at 0, the last success at 0 with
 * {@code never_succeeded} 1, so that an alert can tell a job that never succeeded since the start from one whose
 * series are missing, and dashboards show flat lines instead of "no data".
 */
public final class JobMetrics {

    /** Report delivery durations are bucketed at these bounds: seconds for small reports up to an hour for huge ones. */
    private static final Duration[] DELIVERY_BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofMinutes(30),
        Duration.ofHours(1)
    };

    private static final String LAST_SUCCESS = "payreports.last.success.timestamp.seconds";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Tags, AtomicReference<Instant>> lastSuccess = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicReference<Instant>> newestData = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Creates every series of a job at 0, before its first run; {@code sinks} are the job's sinks. */
    public void register(String jobId, String account, Collection<String> sinks) {
        Tags job = Tags.of("job", jobId, "account", account);
        counter("payreports.records.fetched", job);
        counter("payreports.records.dead.lettered", job);
        counter("payreports.run.warnings", job);
        counter("payreports.retries", job);
        for (String sink : sinks) {
            sinkCounter("payreports.records.delivered", job, sink);
            sinkCounter("payreports.sink.records.dead.lettered", job, sink);
        }
        runs(job, true);
        runs(job, false);
        lastSuccess(job);
        lag(job);
        deliveryTimer(job);
    }

    void finished(JobRun run) {
        Tags job = Tags.of("job", run.jobId(), "account", run.account());
        counter("payreports.records.fetched", job).increment((double)
                (run.records() + run.rowsRejected())); // counts stay far below 2^53: exact as doubles
        run.deliveredBySink()
                .forEach((sink, count) ->
                        sinkCounter("payreports.records.delivered", job, sink).increment((double) count));
        counter("payreports.records.dead.lettered", job).increment((double) run.deadLettered());
        run.deadLetteredBySink()
                .forEach((sink, count) -> sinkCounter("payreports.sink.records.dead.lettered", job, sink)
                        .increment(count));
        counter("payreports.run.warnings", job).increment(run.warnings().size());
        counter("payreports.retries", job).increment((double) run.retries());
        runs(job, run.succeeded()).increment();
        if (run.succeeded()) {
            lastSuccess(job).set(run.finishedAt());
        }
        run.newestDataEnd().ifPresent(end -> lag(job).accumulateAndGet(end, JobMetrics::later));
    }

    /** One report went through every sink of its job (delivered or dead-lettered per sink) in {@code elapsed}. */
    void reportDelivered(ReportContext report, Duration elapsed) {
        deliveryTimer(Tags.of("job", report.jobId(), "account", report.account()))
                .record(elapsed);
    }

    private Counter counter(String name, Tags job) {
        return Counter.builder(name).tags(job).register(registry);
    }

    private Counter sinkCounter(String name, Tags job, String sink) {
        return Counter.builder(name).tags(job).tag("sink", sink).register(registry);
    }

    private Counter runs(Tags job, boolean succeeded) {
        return Counter.builder("payreports.job.runs")
                .tags(job)
                .tag("outcome", succeeded ? "ok" : "failed")
                .register(registry);
    }

    private Timer deliveryTimer(Tags job) {
        return Timer.builder("payreports.report.delivery.duration")
                .description("time from the first row read to the last sink settled, per report")
                .tags(job)
                .serviceLevelObjectives(DELIVERY_BUCKETS)
                .register(registry);
    }

    /**
     * The end of the job's last successful run (0 until there is one) and beside it a 0/1 flag, because an
     * alert on "how long since" must not fire on a job that has just been installed and not run yet.
     */
    private AtomicReference<Instant> lastSuccess(Tags job) {
        return lastSuccess.computeIfAbsent(job, key -> {
            AtomicReference<Instant> moment = new AtomicReference<>();
            gauge(
                    LAST_SUCCESS,
                    job,
                    moment,
                    ref -> Optional.ofNullable(ref.get())
                            .map(instant -> (double) instant.getEpochSecond())
                            .orElse(0.0));
            gauge("payreports.job.never.succeeded", job, moment, ref -> ref.get() == null ? 1 : 0);
            return moment;
        });
    }

    /** Now minus the end of the newest data delivered; NaN until a run delivered data (there is no lag to speak of). */
    private AtomicReference<Instant> lag(Tags job) {
        return newestData.computeIfAbsent(job, key -> {
            AtomicReference<Instant> moment = new AtomicReference<>();
            gauge(
                    "payreports.report.lag.seconds",
                    job,
                    moment,
                    ref -> Optional.ofNullable(ref.get())
                            .map(instant -> (double)
                                    Duration.between(instant, clock.instant()).toSeconds())
                            .orElse(Double.NaN));
            return moment;
        });
    }

    private void gauge(
            String name, Tags job, AtomicReference<Instant> moment, ToDoubleFunction<AtomicReference<Instant>> value) {
        Gauge.builder(name, moment, value).tags(job).register(registry);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
