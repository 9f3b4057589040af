package io.payreports.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The job metrics operators alert on (docs/operations.md), recorded once per finished run. Prometheus
 * names: {@code payreports_records_fetched_total{job}}, {@code payreports_records_delivered_total{job,sink}},
 * {@code payreports_records_dead_lettered_total{job}}, {@code payreports_sink_records_dead_lettered_total{job,sink}},
 * {@code payreports_run_warnings_total{job}} (stale watermark, gaps), {@code payreports_job_runs_total{job,outcome}},
 * {@code payreports_retries_total{job}}, {@code payreports_last_success_timestamp_seconds{job}} and
 * {@code payreports_report_lag_seconds{job}} (now minus the end of the newest data delivered).
 */
public final class JobMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicReference<Instant>> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Instant>> newestData = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void finished(JobRun run) {
        String job = run.jobId();
        counter("payreports.records.fetched", job).increment((double)
                (run.records() + run.rowsRejected())); // counts stay far below 2^53: exact as doubles
        run.deliveredBySink()
                .forEach((sink, count) -> Counter.builder("payreports.records.delivered")
                        .tag("job", job)
                        .tag("sink", sink)
                        .register(registry)
                        .increment((double) count));
        counter("payreports.records.dead.lettered", job).increment((double) run.deadLettered());
        run.deadLetteredBySink()
                .forEach((sink, count) -> Counter.builder("payreports.sink.records.dead.lettered")
                        .tag("job", job)
                        .tag("sink", sink)
                        .register(registry)
                        .increment(count));
        counter("payreports.run.warnings", job).increment(run.warnings().size());
        counter("payreports.retries", job).increment((double) run.retries());
        Counter.builder("payreports.job.runs")
                .tag("job", job)
                .tag("outcome", run.succeeded() ? "ok" : "failed")
                .register(registry)
                .increment();
        if (run.succeeded()) {
            moment(lastSuccess, "payreports.last.success.timestamp.seconds", job, instant -> instant.getEpochSecond())
                    .set(run.finishedAt());
        }
        run.newestDataEnd()
                .ifPresent(end -> moment(
                                newestData,
                                "payreports.report.lag.seconds",
                                job,
                                instant -> Duration.between(instant, clock.instant())
                                        .toSeconds())
                        .accumulateAndGet(end, JobMetrics::later));
    }

    private Counter counter(String name, String job) {
        return Counter.builder(name).tag("job", job).register(registry);
    }

    /** One instant per job behind a gauge that shows {@code value} of it; NaN until the first one. */
    private AtomicReference<Instant> moment(
            Map<String, AtomicReference<Instant>> moments,
            String name,
            String job,
            java.util.function.ToLongFunction<Instant> value) {
        return moments.computeIfAbsent(job, key -> {
            AtomicReference<Instant> moment = new AtomicReference<>();
            Gauge.builder(
                            name,
                            moment,
                            ref -> Optional.ofNullable(ref.get())
                                    .map(instant -> (double) value.applyAsLong(instant))
                                    .orElse(Double.NaN))
                    .tag("job", job)
                    .register(registry);
            return moment;
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
