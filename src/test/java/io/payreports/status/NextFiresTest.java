package io.payreports.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.state.OwnedPostgresDatabase;
import io.payreports.state.StateSchema;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Where {@code status} finds each job's next run outside the runtime: the job's cron, or the cluster's triggers. */
class NextFiresTest {

    @Test
    void aCronFiresNextAtItsFirstMatchAfterNow() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 10, 20, 0, 0, ZoneId.systemDefault());

        Map<String, Instant> fires =
                NextFires.fromCrons(Map.of("hourly", "0 15 * * * ?", "broken", "not a cron"), now.toInstant());

        assertThat(fires.get("hourly"))
                .isEqualTo(now.withHour(11).withMinute(15).toInstant());
        assertThat(fires).containsEntry("broken", null);
    }

    @Test
    void aClusteredJobFiresNextWhenTheSharedTriggerSays() throws Exception {
        try (OwnedPostgresDatabase postgres = new OwnedPostgresDatabase()) {
            PGSimpleDataSource state = new PGSimpleDataSource();
            state.setURL(postgres.jdbcUrl());
            StateSchema.ensure(state, true);
            Instant next = Instant.parse("2026-11-23T11:15:00Z");
            postgres.execute(
                    "INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,"
                            + " is_nonconcurrent, is_update_data, requests_recovery) VALUES"
                            + " ('payreports', 'settlement', 'payreports', 'x', false, true, false, false)");
            postgres.execute("INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group,"
                    + " next_fire_time, trigger_state, trigger_type, start_time) VALUES"
                    + " ('payreports', 'settlement', 'payreports', 'settlement', 'payreports', "
                    + next.toEpochMilli() + ", 'WAITING', 'CRON', 0)");

            assertThat(NextFires.fromQuartzTables(state)).containsExactly(Map.entry("settlement", next));
        }
    }
}
