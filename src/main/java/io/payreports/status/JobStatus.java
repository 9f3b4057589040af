package io.payreports.status;

import io.payreports.reports.ReportContext;
import java.time.Instant;
import java.util.List;

/**
 * One job's line of {@code payreports status} and of the operator page. Values the state database does not have
 * yet (a job that never ran, never delivered data, is not scheduled) are null.
 *
 * @param account          the merchant account the job runs for ({@code default} for jobs that name none)
 * @param lagSeconds       now minus the end of the newest data the job delivered
 * @param deadLetterFiles  the job's dead-letter files still waiting (replayed ones are renamed away); the
 *                         {@code *.jsonl} ones hold records a sink could not take and can be replayed
 */
public record JobStatus(
        String job,
        String account,
        Instant lastStart,
        Instant lastEnd,
        String outcome,
        Long records,
        Long deadLettered,
        String failure,
        String node,
        Instant watermark,
        Long lagSeconds,
        Instant nextFire,
        List<String> deadLetterFiles) {

    /** Files a sink dead-lettered records to: {@code replay} takes them. */
    public List<String> replayable() {
        return deadLetterFiles.stream().filter(JobStatus::isReplayable).toList();
    }

    /** The job as an operator reads it: its id, for another account's job than the default account's {@code account/id}. */
    public String label() {
        return ReportContext.stateKey(account, job);
    }

    static boolean isReplayable(String fileName) {
        return fileName.endsWith(".jsonl");
    }
}
