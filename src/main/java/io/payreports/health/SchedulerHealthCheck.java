package io.payreports.health;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;

/**
 * Liveness and readiness: the Quartz scheduler that fires the jobs runs. A scheduler that has shut down or
 * stays in standby fires nothing while everything else looks up; a restart brings it back. The details
 * say whether it is clustered, its instance id (the node, on a cluster) and how many jobs it has run.
 */
public final class SchedulerHealthCheck extends AbstractHealthCheck {

    private final Scheduler scheduler;

    public SchedulerHealthCheck(Scheduler scheduler) {
        super("payreports", "scheduler");
        this.scheduler = scheduler;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            builder.detail("scheduler", meta.getSchedulerName())
                    .detail("instance", meta.getSchedulerInstanceId())
                    .detail("clustered", meta.isJobStoreClustered())
                    .detail("jobsExecuted", meta.getNumberOfJobsExecuted());
            if (scheduler.isShutdown()) {
                builder.message("the Quartz scheduler has shut down: no job will run")
                        .down();
            } else if (!scheduler.isStarted() || scheduler.isInStandbyMode()) {
                builder.message("the Quartz scheduler is not started (standby): no job will run")
                        .down();
            } else {
                builder.up();
            }
        } catch (SchedulerException e) {
            builder.message("the Quartz scheduler does not answer: " + e.getMessage())
                    .error(e)
                    .down();
        }
    }
}
