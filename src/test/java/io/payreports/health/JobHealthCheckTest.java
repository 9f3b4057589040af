package io.payreports.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.config.RuntimeClock;
import io.payreports.jobs.JobRuns;
import io.payreports.simulator.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/** A job that has not succeeded for longer than twice its schedule's interval is DOWN; a new one is not. */
class JobHealthCheckTest {

    private final MutableClock clock = new MutableClock(RuntimeClock.get().instant());
    private Scheduler scheduler;
    private Trigger trigger;

    @BeforeEach
    void hourlyJob() throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "test-" + UUID.randomUUID());
        quartz.setProperty("org.quartz.threadPool.threadCount", "1");
        scheduler = new StdSchedulerFactory(quartz).getScheduler();
        trigger = TriggerBuilder.newTrigger()
                .withIdentity("settlement", "payreports")
                .withSchedule(CronScheduleBuilder.cronSchedule("0 15 * * * ?"))
                .build();
        scheduler.scheduleJob(
                JobBuilder.newJob(org.quartz.Job.class)
                        .withIdentity("settlement", "payreports")
                        .build(),
                trigger);
    }

    @AfterEach
    void shutdown() throws Exception {
        scheduler.shutdown();
    }

    @Test
    void aJobWithoutASuccessIsUpForTwoIntervalsThenDownSayingForHowLong() {
        JobHealthCheck check = new JobHealthCheck("settlement", scheduler, trigger.getKey(), new JobRuns(clock), clock);
        check.setCamelContext(new DefaultCamelContext());

        HealthCheck.Result fresh = check.call(Map.of());
        assertThat(fresh.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(fresh.getDetails())
                .containsEntry("lastSuccess", "never")
                .containsEntry("scheduleIntervalSeconds", 3600L)
                .containsEntry("staleAfterSeconds", 7200L)
                .containsKey("nextRun");
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.isReadiness()).isFalse();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        HealthCheck.Result stale = check.call(Map.of());
        assertThat(stale.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(stale.getMessage())
                .hasValue("job settlement: no successful run for 7260 s (none since the start), more than twice"
                        + " its schedule's interval (3600 s)");
    }

    @Test
    void theSchedulerIsLiveOnlyOnceStarted() throws Exception {
        SchedulerHealthCheck check = new SchedulerHealthCheck(scheduler);
        check.setCamelContext(new DefaultCamelContext());
        assertThat(check.isLiveness()).isTrue();
        assertThat(check.call(Map.of()).getState()).isEqualTo(HealthCheck.State.DOWN);

        scheduler.start();
        HealthCheck.Result running = check.call(Map.of());
        assertThat(running.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(running.getDetails()).containsEntry("clustered", false);

        scheduler.shutdown();
        assertThat(check.call(Map.of()).getMessage()).hasValue("the Quartz scheduler has shut down: no job will run");
    }
}
