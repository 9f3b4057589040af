package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import io.payreports.state.RunHistory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link JobRun} at the top of every job route and closes it when the run's exchange
 * completes, however it ended: logs the summary line and keeps the run for {@code run --once}.
 */
public class JobRuns extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);

    private final Clock clock;
    private final List<JobRun> finished = new CopyOnWriteArrayList<>();
    private volatile JobMetrics metrics;
    private volatile RunHistory history;

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

    /** First step of a job route. */
    public void begin(Exchange exchange, String jobId) {
        exchange.setProperty(JobRun.PROPERTY, new JobRun(jobId, exchange.getExchangeId(), clock.instant()));
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeRedeliveryEvent redelivery) {
            JobRun retried = redelivery.getExchange().getProperty(JobRun.PROPERTY, JobRun.class);
            if (retried != null) {
                retried.retried();
            }
            LOG.warn(retryLine(redelivery.getExchange(), redelivery.getAttempt()));
            return;
        }
        if (event instanceof CamelEvent.ExchangeEvent exchangeEvent
                && (event instanceof CamelEvent.ExchangeCompletedEvent
                        || event instanceof CamelEvent.ExchangeFailedEvent)) {
            Exchange exchange = exchangeEvent.getExchange();
            JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
            // split copies carry the same run; only the run's own exchange closes it
            if (run != null && run.exchangeId().equals(exchange.getExchangeId()) && !run.isFinished()) {
                if (exchange.getException() != null) {
                    run.failed(oneLine(exchange.getException()));
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
                synchronized (this) {
                    notifyAll();
                }
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
            LOG.warn("job {}: the state database did not record the run in its history: {}", run.jobId(), oneLine(e));
        }
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
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        line.append(run == null ? "(none)" : run.jobId());
        ReportContext report = exchange.getProperty(ReportContext.PROPERTY, ReportContext.class);
        if (report != null) {
            line.append(", report ").append(report.reportId());
        }
        String sink = exchange.getProperty(SinkRoutes.SINK, String.class);
        if (sink != null) {
            line.append(", sink ").append(sink);
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
