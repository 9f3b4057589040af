package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import io.payreports.sinks.DeadLetterWriter;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The end of the dead-letter channel: a report (or a whole run) whose retries are exhausted is
 * written down with its cause and counted, and the run goes on with the next report.
 */
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterWriter writer;

    public DeadLetters(DeadLetterWriter writer) {
        this.writer = writer;
    }

    public void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown failure" : JobRuns.oneLine(cause);
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        ReportContext report = exchange.getProperty(ReportContext.PROPERTY, ReportContext.class);
        if (report != null) {
            run.reportFailed(exchange.getProperty(JobRun.FAILURE_POSITION, Instant.class));
            writer.failedReport(report, reason, cause);
            LOG.warn("job {}: report {} dead-lettered after retries: {}", report.jobId(), report.reportId(), reason);
        } else {
            run.failed(reason);
            writer.failedJob(run.jobId(), reason, cause);
            LOG.warn("job {}: run failed after retries: {}", run.jobId(), reason);
        }
    }
}
