package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import io.payreports.sinks.DeadLetter;
import io.payreports.sinks.DeadLetterWriter;
import java.io.IOException;
import java.time.Clock;
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

    /** The end of the dead-letter channel: {@code failure} is what the retries could not overcome. */
    public void failed(JobContext job, Throwable failure) throws IOException {
        Throwable cause = rootCause(failure);
        String reason = JobRuns.oneLine(cause);
        if (job == null) {
            // the route's first step failed: there is no run to count it in, nor a job to file it under
            LOG.error("a job route failed before its run began: {}", reason);
            return;
        }
        JobRun run = job.run();
        ReportContext report = job.report();
        if (report != null) {
            run.reportFailed(job.position());
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
