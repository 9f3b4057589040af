package io.payreports.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.CronExpression;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * When each job fires next, by job id (a job's Quartz trigger is {@code payreports/<jobId>}); null for a job that
 * will not fire again.
 */
public final class NextFires {

    /** The clustered scheduler's instance name (QuartzCluster) and the trigger group of every job (the templates). */
    private static final String SCHEDULER = "payreports";

    private static final String GROUP = "payreports";

    /** Quartz keeps milliseconds since the epoch; a trigger that will not fire again is dropped or has none. */
    private static final String TRIGGERS = "SELECT trigger_name, next_fire_time FROM qrtz_triggers "
            + "WHERE sched_name = ? AND trigger_group = ? AND next_fire_time IS NOT NULL AND next_fire_time > 0";

    private NextFires() {}

    /** In the runtime: its scheduler knows, clustered or not. */
    public static Map<String, Instant> fromScheduler(CamelContext context) {
        Map<String, Instant> fires = new HashMap<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                String job = quartz.getTriggerKey().getName();
                try {
                    Trigger trigger = quartz.getComponent().getScheduler().getTrigger(quartz.getTriggerKey());
                    Date next = trigger == null ? null : trigger.getNextFireTime();
                    fires.put(job, next == null ? null : next.toInstant());
                } catch (SchedulerException e) {
                    fires.put(job, null);
                }
            }
        }
        return fires;
    }

    /**
     * Outside the runtime, unclustered: the next time each cron matches after {@code now}, in the JVM's time zone
     * as camel-quartz reads a cron without a {@code trigger.timeZone}.
     */
    public static Map<String, Instant> fromCrons(Map<String, String> crons, Instant now) {
        Map<String, Instant> fires = new HashMap<>();
        crons.forEach((job, cron) -> {
            try {
                Date next = new CronExpression(cron).getNextValidTimeAfter(Date.from(now));
                fires.put(job, next == null ? null : next.toInstant());
            } catch (ParseException e) {
                fires.put(job, null); // validate names the bad cron; status only has no time to show
            }
        });
        return fires;
    }

    /** Outside the runtime, clustered: the triggers in Quartz's tables of the state database, as the nodes share them. */
    public static Map<String, Instant> fromQuartzTables(DataSource state) throws SQLException {
        Map<String, Instant> fires = new HashMap<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(TRIGGERS)) {
            select.setString(1, SCHEDULER);
            select.setString(2, GROUP);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    fires.put(row.getString(1), Instant.ofEpochMilli(row.getLong(2)));
                }
            }
        }
        return fires;
    }
}
