package io.payreports.jobs;

import io.payreports.state.RunHistory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link JobRun} at the top of every job route and closes it when the run's exchange
 * completes, however it ended: logs the summary line and keeps the run for {@code run --once}.
 * <p>
 * A run still going at its deadline ({@code payreports.run.deadline}) is closed then as FAILED, naming
 * what it had not finished: a peer that keeps every single exchange within its own limits cannot keep a
 * run open for ever. Its exchange may go on until its current step ends (each bounded by the HTTP
 * deadlines and sink timeouts); what it still delivers is delivered, but the run has been reported.
 */
public class JobRuns extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);
    /** How long one run of a job may take. */
    public static final String RUN_DEADLINE = "payreports.run.deadline";

    public static final Duration DEFAULT_RUN_DEADLINE = Duration.ofHours(1);

    private final Clock clock;
    private final List<JobRun> finished = new CopyOnWriteArrayList<>();
    /** Runs begun and not closed, with the timer of their deadline. */
    private final Map<JobRun, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

    private volatile JobMetrics metrics;
    private volatile RunHistory history;
    private volatile Duration deadline = DEFAULT_RUN_DEADLINE;
    private ScheduledExecutorService deadlines; // guarded by this

    public JobRuns(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
    }

    /** Also feeds the metrics of every finished run. */
    public void recordMetricsIn(JobMetrics jobMetrics) {
        this.metrics = jobMetrics;
    }

    /** Also records every finished run in the state database, for {@code status} and the operator page. */
    public void recordHistoryIn(RunHistory runHistory) {
        this.history = runHistory;
    }

    /** How long a run may take ({@code payreports.run.deadline}). */
    public void limitRunsTo(Duration runDeadline) {
        this.deadline = runDeadline;
    }

    public Duration runDeadline() {
        return deadline;
    }

    /**
     * The first step of a job route ({@code setProperty job}): starts the run of the exchange {@code exchangeId} of
     * the job, calling Amazon with {@code account}'s credentials, and answers its {@link JobContext}.
     *
     * @param sinks   comma-separated sinks every record goes to
     * @param charset the text encoding of documents whose download names none; null for the default
     * @param amounts how amounts are written (auto, decimal-point, decimal-comma); null for the default
     */
    public JobContext begin(
            String exchangeId, String jobId, String account, String sinks, String charset, String amounts) {
        JobRun run = new JobRun(jobId, account, exchangeId, clock.instant());
        Duration limit = deadline;
        running.put(
                run,
                deadlines()
                        .schedule(
                                () -> expire(run, RUN_DEADLINE + " (" + format(limit) + ")"),
                                limit.toMillis(),
                                TimeUnit.MILLISECONDS));
        return new JobContext(run, sinks, charset, amounts);
    }

    /**
     * {@link #begin(String, String, String, String, String, String)} of a job whose records come as lists (JSON APIs), or
     * whose documents are read as the defaults say (UTF-8, amounts as they come). A name of its own, not an overload:
     * Camel's bean binding does not choose between overloads by their number of parameters.
     */
    public JobContext beginWithDefaults(String exchangeId, String jobId, String account, String sinks) {
        return begin(exchangeId, jobId, account, sinks, null, null);
    }

    /** {@link #begin(String, String, String, String, String, String)} of a job that delivers no records. */
    public JobContext beginWithoutSinks(String exchangeId, String jobId, String account) {
        return beginWithDefaults(exchangeId, jobId, account, "");
    }

    /**
     * Closes every run still going as FAILED, naming what it had not finished; {@code limit} says which
     * limit passed, e.g. {@code run --once --timeout PT10M}.
     */
    public void expireRunning(String limit) {
        running.keySet().forEach(run -> expire(run, limit));
    }

    private void expire(JobRun run, String limit) {
        close(run, "not finished within " + limit + ": " + run.unfinished());
    }

    private synchronized ScheduledExecutorService deadlines() {
        if (deadlines == null) {
            deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "payreports-run-deadlines");
                thread.setDaemon(true);
                return thread;
            });
        }
        return deadlines;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (deadlines != null) {
            deadlines.shutdownNow();
            deadlines = null;
        }
        super.doStop();
    }

    /** {@code 1h}, {@code 90s}: as the key is written. */
    private static String format(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 && duration.toHours() > 0
                ? duration.toHours() + "h"
                : duration.toSecondsPart() == 0 && duration.toMinutes() > 0
                        ? duration.toMinutes() + "m"
                        : duration.toSeconds() + "s";
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeRedeliveryEvent redelivery) {
            JobContext retried = JobContext.of(redelivery.getExchange());
            if (retried != null) {
                retried.run().retried();
            }
            LOG.warn(retryLine(redelivery.getExchange(), redelivery.getAttempt()));
            return;
        }
        if (event instanceof CamelEvent.ExchangeEvent exchangeEvent
                && (event instanceof CamelEvent.ExchangeCompletedEvent
                        || event instanceof CamelEvent.ExchangeFailedEvent)) {
            Exchange exchange = exchangeEvent.getExchange();
            JobContext job = JobContext.of(exchange);
            // split copies carry the same run; only the run's own exchange closes it
            if (job != null && job.run().exchangeId().equals(exchange.getExchangeId())) {
                close(job.run(), exchange.getException() == null ? null : oneLine(exchange.getException()));
            }
        }
    }

    /** The run is delivered whatever happens here: a history the state database cannot take only costs the status its row. */
    private void recordInHistory(JobRun run) {
        if (history == null) {
            return;
        }
        try {
            history.record(run);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("job {}: the state database did not record the run in its history: {}", run.label(), oneLine(e));
        }
    }

    /** Ends the run once, at its exchange's end or at its deadline, whichever comes first. */
    private synchronized void close(JobRun run, String failure) {
        if (run.isFinished()) {
            return;
        }
        ScheduledFuture<?> timer = running.remove(run);
        if (timer != null) {
            timer.cancel(false);
        }
        if (failure != null) {
            run.failed(failure);
        }
        run.finish(clock.instant());
        finished.add(run);
        if (metrics != null) {
            metrics.finished(run);
        }
        recordInHistory(run);
        if (run.succeeded() && !run.hasWarnings()) {
            LOG.info(run.summaryLine());
        } else {
            LOG.warn(run.summaryLine());
        }
        notifyAll();
    }

    /** Runs finished so far, oldest first. */
    public List<JobRun> finished() {
        return new ArrayList<>(finished);
    }

    /** The newest finished run of the job in this process, if any. */
    public Optional<JobRun> lastFinished(String jobId) {
        return newest(jobId, run -> true);
    }

    /** The newest successful run of the job in this process, if any. */
    public Optional<JobRun> lastSucceeded(String jobId) {
        return newest(jobId, JobRun::succeeded);
    }

    private Optional<JobRun> newest(String jobId, Predicate<JobRun> which) {
        for (int i = finished.size() - 1; i >= 0; i--) {
            JobRun run = finished.get(i);
            if (run.jobId().equals(jobId) && which.test(run)) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /** Waits until {@code count} runs have finished or the timeout passes; returns whether they did. */
    public synchronized boolean awaitFinished(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finished.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * What an operator needs of a retry, in place of Camel's {@code Failed delivery for (MessageId: ...)}:
     * {@code job J, report R, sink S: attempt 1 of 4 failed, retrying: <cause>}. The report and the sink
     * are named when the retried step has them (a listing has no report; only a sink's route has a sink).
     */
    static String retryLine(Exchange exchange, int retry) {
        StringBuilder line = new StringBuilder("job ");
        JobContext job = JobContext.of(exchange);
        if (job == null) {
            line.append("(none)");
        } else {
            line.append(job.run().label());
            if (job.report() != null) {
                line.append(", report ").append(job.report().reportId());
            }
            if (job.sink() != null) {
                line.append(", sink ").append(job.sink());
            }
        }
        Integer maximum = exchange.getMessage().getHeader(Exchange.REDELIVERY_MAX_COUNTER, Integer.class);
        Throwable cause = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // retry N follows the failure of attempt N; there are at most maximum + 1 attempts
        return line.append(": attempt ")
                .append(retry)
                .append(maximum == null || maximum < 0 ? "" : " of " + (maximum + 1))
                .append(" failed, retrying: ")
                .append(cause == null ? "(no cause recorded)" : oneLine(DeadLetters.rootCause(cause)))
                .toString();
    }

    static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
