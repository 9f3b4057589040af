package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import java.time.Instant;
import java.util.Map;

/** Finished runs as JobRuns closes them, for the tests of what reads them (run history, status). */
public final class FinishedRuns {

    private FinishedRuns() {}

    /** A run of {@code job} that delivered {@code records} of one report whose data ends at {@code dataEnd}. */
    public static JobRun delivered(String job, Instant started, Instant finished, long records, Instant dataEnd) {
        JobRun run = new JobRun(job, "X-" + started, started);
        run.reportDelivered(
                new ReportContext(job, "R-" + started, "T", dataEnd.minusSeconds(86_400), dataEnd),
                records,
                0,
                Map.of("file", records),
                Map.of());
        run.finish(finished);
        return run;
    }

    /** A run of {@code job} of {@code account} that found nothing to deliver. */
    public static JobRun empty(String job, String account, Instant started, Instant finished) {
        JobRun run = new JobRun(job, account, "X-" + started, started);
        run.finish(finished);
        return run;
    }

    /** A run of {@code job} that failed as a whole with {@code reason}. */
    public static JobRun failed(String job, Instant started, Instant finished, String reason) {
        JobRun run = new JobRun(job, "X-" + started, started);
        run.failedToDeadLetter(reason);
        run.finish(finished);
        return run;
    }
}
