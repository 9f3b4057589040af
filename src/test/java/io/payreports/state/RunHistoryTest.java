package io.payreports.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.FinishedRuns;
import io.payreports.sinks.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Each job's newest run and the newest data it delivered, as status reads them, in H2 and in PostgreSQL alike. */
class RunHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theNewestRunOfEachJobAndItsNewestDataInH2() throws Exception {
        newestRunsIn(TestDatabases.h2(dir));
    }

    @Test
    void theNewestRunOfEachJobAndItsNewestDataInPostgresql() throws Exception {
        try (OwnedPostgresDatabase postgres = new OwnedPostgresDatabase()) {
            PGSimpleDataSource state = new PGSimpleDataSource();
            state.setURL(postgres.jdbcUrl());
            StateSchema.ensure(state, false); // the table is created with the others, under the start-up lock
            newestRunsIn(state);
        }
    }

    @Test
    void onlyTheNewestRunsOfAJobAreKept() throws Exception {
        DataSource state = TestDatabases.h2(dir);
        int kept = 5;
        RunHistory history = new RunHistory(state, "node-a", kept);
        for (int i = 0; i <= kept; i++) {
            history.record(FinishedRuns.delivered(
                    "busy", T0.plusSeconds(60L * i), T0.plusSeconds(60L * i + 5), i, T0.minusSeconds(10_000 - i)));
        }
        history.record(FinishedRuns.delivered("quiet", T0, T0.plusSeconds(1), 1, T0));

        assertThat(rows(state, "busy")).isEqualTo(kept);
        assertThat(rows(state, "quiet")).isEqualTo(1);
        assertThat(history.lastRuns().get("busy").records())
                .as("the newest is kept")
                .isEqualTo(kept);
    }

    private static void newestRunsIn(DataSource state) throws Exception {
        RunHistory node1 = new RunHistory(state, "node-1");
        RunHistory node2 = new RunHistory(state, "node-2");
        Instant dataEnd = Instant.parse("2026-11-20T00:00:00Z");
        node1.record(FinishedRuns.delivered("settlement", T0, T0.plusSeconds(14), 1248, dataEnd));
        node2.record(FinishedRuns.failed(
                "settlement",
                T0.plusSeconds(3600),
                T0.plusSeconds(3602),
                "getReports answered 503 " + "x".repeat(3000)));
        node1.record(FinishedRuns.delivered("transactions", T0, T0.plusSeconds(2), 7, dataEnd.minusSeconds(60)));
        node2.record(FinishedRuns.empty("transactions-eu", "eu", T0, T0.plusSeconds(1)));

        Map<String, RunHistory.LastRun> runs = node1.lastRuns();

        assertThat(runs).containsOnlyKeys("settlement", "transactions", "transactions-eu");
        assertThat(runs.get("transactions-eu").account()).isEqualTo("eu");
        assertThat(runs.get("settlement").account()).isEqualTo("default");
        RunHistory.LastRun settlement = runs.get("settlement");
        assertThat(settlement.node()).as("the node that ran it, not the reader").isEqualTo("node-2");
        assertThat(settlement.outcome()).isEqualTo("failed");
        assertThat(settlement.started()).isEqualTo(T0.plusSeconds(3600));
        assertThat(settlement.finished()).isEqualTo(T0.plusSeconds(3602));
        assertThat(settlement.records()).isZero();
        assertThat(settlement.deadLettered()).isEqualTo(1);
        assertThat(settlement.failure()).startsWith("getReports answered 503 ").hasSize(2000);
        assertThat(settlement.newestDataEnd())
                .as("the lag counts from the newest data any run delivered")
                .isEqualTo(dataEnd);
        RunHistory.LastRun transactions = runs.get("transactions");
        assertThat(transactions.outcome()).isEqualTo("ok");
        assertThat(transactions.records()).isEqualTo(7);
        assertThat(transactions.failure()).isNull();
    }

    private static long rows(DataSource state, String job) throws Exception {
        try (Connection connection = state.getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT COUNT(*) FROM payreports_job_run WHERE job_id = '" + job + "'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
