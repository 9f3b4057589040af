package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import io.payreports.sinks.DeadLetter;
import io.payreports.sinks.DeadLetterWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the dead-letter channel: a report (or a whole run) whose retries are exhausted is
 * written down with its cause and counted, and the run goes on with the next report.
 */
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterWriter writer;

    private final Clock clock;

    public DeadLetters(DeadLetterWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    public void failed(Exchange exchange) throws IOException {
        Throwable cause = rootCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String reason = JobRuns.oneLine(cause);
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        ReportContext report = exchange.getProperty(ReportContext.PROPERTY, ReportContext.class);
        if (report != null) {
            run.reportFailed(exchange.getProperty(JobRun.FAILURE_POSITION, Instant.class));
            writer.write(DeadLetter.of(report, null, cause, null, report.toString(), clock.instant()));
            LOG.warn("job {}: report {} dead-lettered after retries: {}", run.label(), report.reportId(), reason);
        } else {
            run.failedToDeadLetter(reason);
            writer.write(new DeadLetter(
                    run.jobId(),
                    run.account(),
                    null,
                    null,
                    null,
                    reason,
                    cause.getClass().getName(),
                    clock.instant(),
                    null,
                    ""));
            LOG.warn("job {}: run failed after retries: {}", run.label(), reason);
        }
    }

    /**
     * Camel wraps causes (bean invocation, split), and so do iterators (UncheckedIOException, e.g. FastCSV's
     * "Exception when reading record that started in line N"); the operator needs the innermost message.
     */
    static Throwable rootCause(Throwable error) {
        Throwable cause = error == null ? new IllegalStateException("failed without an exception") : error;
        while (cause.getCause() != null
                && cause.getCause() != cause
                && (cause.getMessage() == null
                        || cause instanceof java.io.UncheckedIOException
                        || cause instanceof org.apache.camel.CamelException
                        || cause instanceof org.apache.camel.RuntimeCamelException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
