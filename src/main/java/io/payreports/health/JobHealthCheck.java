package io.payreports.health;

import io.payreports.jobs.JobRun;
import io.payreports.jobs.JobRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * Whether a job keeps succeeding: DOWN when its last success (or, before the first one, the start of this
 * runtime) is older than twice the interval of its schedule, so a job that has just been installed is not
 * reported before it had two chances. The details say when it last ran, how that ended, and when it runs next.
 * On a cluster a node judges only the runs it made: when another node ran the job last, the check says so and
 * stays UP (the alerts on the metrics take the newest success over all nodes).
 * Neither readiness nor liveness: a job fails for reasons outside this process (credentials, Amazon, a sink)
 * that a restart does not cure; it shows in {@code /observe/health} with the reason.
 */
public final class JobHealthCheck extends AbstractHealthCheck {

    private final String jobId;
    private final Scheduler scheduler;
    private final TriggerKey trigger;
    private final JobRuns runs;
    private final Clock clock;
    private final Instant watchedSince;

    public JobHealthCheck(String jobId, Scheduler scheduler, TriggerKey trigger, JobRuns runs, Clock clock) {
        super("payreports", "job-" + jobId);
        this.jobId = jobId;
        this.scheduler = scheduler;
        this.trigger = trigger;
        this.runs = runs;
        this.clock = clock;
        this.watchedSince = clock.instant();
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("job", jobId);
        Optional<JobRun> last = runs.lastFinished(jobId);
        last.ifPresent(run -> builder.detail("lastRunEnd", run.finishedAt().toString())
                .detail("lastRunOutcome", run.succeeded() ? "ok" : "failed"));
        last.filter(run -> !run.succeeded()).ifPresent(run -> builder.detail("lastFailure", run.failure()));
        Optional<Instant> lastSuccess = runs.lastSucceeded(jobId).map(JobRun::finishedAt);
        builder.detail("lastSuccess", lastSuccess.map(Instant::toString).orElse("never"));

        Optional<Duration> interval;
        try {
            Trigger scheduled = scheduler.getTrigger(trigger);
            Date next = scheduled == null ? null : scheduled.getNextFireTime();
            if (next != null) {
                builder.detail("nextRun", next.toInstant().toString());
            }
            interval = interval(scheduled, next);
            Optional<Instant> firedElsewhere = firedElsewhere(scheduled, last);
            if (firedElsewhere.isPresent()) {
                // another node of the cluster ran it since: its outcome is in that node's health and in the metrics
                builder.detail("lastFireOnAnotherNode", firedElsewhere.get().toString())
                        .up();
                return;
            }
        } catch (SchedulerException e) {
            builder.message("job " + jobId + ": cannot read its schedule: " + e.getMessage())
                    .down();
            return;
        }
        if (interval.isEmpty()) {
            builder.detail("schedule", "no next run").up();
            return;
        }
        Duration staleAfter = interval.get().multipliedBy(2);
        Duration since = Duration.between(lastSuccess.orElse(watchedSince), clock.instant());
        builder.detail("scheduleIntervalSeconds", interval.get().toSeconds())
                .detail("secondsSinceSuccess", lastSuccess.isPresent() ? since.toSeconds() : "never")
                .detail("staleAfterSeconds", staleAfter.toSeconds());
        if (since.compareTo(staleAfter) > 0) {
            builder.message("job " + jobId + ": no successful run for " + since.toSeconds() + " s"
                            + (lastSuccess.isPresent() ? "" : " (none since the start)")
                            + ", more than twice its schedule's interval ("
                            + interval.get().toSeconds() + " s)"
                            + last.filter(run -> !run.succeeded())
                                    .map(run -> "; last run failed: " + run.failure())
                                    .orElse(""))
                    .down();
        } else {
            builder.up();
        }
    }

    /**
     * On a cluster, the trigger's last fire when no run on this node followed it: the job ran on another node,
     * and this one cannot tell how that ended.
     */
    private Optional<Instant> firedElsewhere(Trigger scheduled, Optional<JobRun> lastHere) throws SchedulerException {
        if (scheduled == null
                || scheduled.getPreviousFireTime() == null
                || !scheduler.getMetaData().isJobStoreClustered()) {
            return Optional.empty();
        }
        Instant fired = scheduled.getPreviousFireTime().toInstant();
        return lastHere.isPresent() && !lastHere.get().finishedAt().isBefore(fired)
                ? Optional.empty()
                : Optional.of(fired);
    }

    /** The time between the next two fires: the schedule's interval where the job is due next. */
    private static Optional<Duration> interval(Trigger scheduled, Date next) {
        if (next == null) {
            return Optional.empty();
        }
        Date after = scheduled.getFireTimeAfter(next);
        return after == null ? Optional.empty() : Optional.of(Duration.between(next.toInstant(), after.toInstant()));
    }
}
