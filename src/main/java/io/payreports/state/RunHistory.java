package io.payreports.state;

import io.payreports.jobs.JobRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What each job run ended with, in the state database ({@code payreports_job_run}, one row per run, written when
 * the run ends): so that {@code payreports status} and the operator page can tell, from any node and from
 * outside the runtime, when a job last ran, for which merchant account, how it ended, where and what it delivered. The newest
 * {@value #KEPT_PER_JOB} runs of each job are kept.
 */
public final class RunHistory {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS payreports_job_run (
              run_id VARCHAR(36) PRIMARY KEY,
              job_id VARCHAR(200) NOT NULL,
              account VARCHAR(200) DEFAULT 'default' NOT NULL,
              node VARCHAR(255) NOT NULL,
              started_at TIMESTAMP WITH TIME ZONE NOT NULL,
              finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
              outcome VARCHAR(16) NOT NULL,
              reports_delivered BIGINT NOT NULL,
              reports_failed BIGINT NOT NULL,
              records BIGINT NOT NULL,
              dead_lettered BIGINT NOT NULL,
              newest_data_end TIMESTAMP WITH TIME ZONE,
              failure VARCHAR(2000))""";

    /** A table from before accounts existed: its runs were the default account's. */
    static final String ADD_ACCOUNT =
            "ALTER TABLE payreports_job_run ADD COLUMN IF NOT EXISTS account VARCHAR(200) DEFAULT 'default' NOT NULL";

    static final String CREATE_INDEX =
            "CREATE INDEX IF NOT EXISTS payreports_job_run_job ON payreports_job_run (job_id, finished_at)";

    static final int KEPT_PER_JOB = 1000;

    private static final String INSERT = """
            INSERT INTO payreports_job_run (run_id, job_id, node, started_at, finished_at, outcome, reports_delivered,
              reports_failed, records, dead_lettered, newest_data_end, failure, account)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** OFFSET/FETCH is standard SQL: PostgreSQL and H2 both take it. */
    private static final String PRUNE = """
            DELETE FROM payreports_job_run WHERE job_id = ? AND finished_at < (
              SELECT finished_at FROM payreports_job_run WHERE job_id = ?
              ORDER BY finished_at DESC OFFSET ? ROWS FETCH FIRST 1 ROW ONLY)""";

    /** Each job's newest run, and the end of the newest data any of its kept runs delivered. */
    private static final String LAST_RUNS = """
            SELECT r.job_id, r.account, r.node, r.started_at, r.finished_at, r.outcome, r.reports_delivered, r.reports_failed,
              r.records, r.dead_lettered, r.failure,
              (SELECT MAX(d.newest_data_end) FROM payreports_job_run d WHERE d.job_id = r.job_id) AS newest_data_end
            FROM payreports_job_run r
            WHERE r.finished_at = (SELECT MAX(l.finished_at) FROM payreports_job_run l WHERE l.job_id = r.job_id)
            ORDER BY r.job_id""";

    private static final int FAILURE_LENGTH = 2000;

    /** A job's newest run as recorded; {@code newestDataEnd} is over all its kept runs, null when none delivered data. */
    public record LastRun(
            String jobId,
            String account,
            String node,
            Instant started,
            Instant finished,
            String outcome,
            long reportsDelivered,
            long reportsFailed,
            long records,
            long deadLettered,
            String failure,
            Instant newestDataEnd) {}

    private final StateTable table;
    private final String node;
    private final int keptPerJob;

    /** @param node the name this process records its runs under (see {@link #nodeName()}) */
    public RunHistory(DataSource state, String node) {
        this(state, node, KEPT_PER_JOB);
    }

    RunHistory(DataSource state, String node, int keptPerJob) {
        this(new StateTable(state, CREATE, ADD_ACCOUNT, CREATE_INDEX), node, keptPerJob);
    }

    private RunHistory(StateTable table, String node, int keptPerJob) {
        this.table = table;
        this.node = node;
        this.keptPerJob = keptPerJob;
    }

    /**
     * For reading only ({@code status}): creates no table, so a reader never races a starting node's
     * {@link StateSchema}; before the first run the table is missing ({@link StateTable#isMissingTable}).
     */
    public static RunHistory reader(DataSource state) {
        return new RunHistory(new StateTable(state), "", KEPT_PER_JOB);
    }

    /**
     * Which node ran a job: the host name, which is the pod's name on Kubernetes and the container's id under
     * Docker ({@code HOSTNAME}), as in Quartz's own instance ids.
     */
    public static String nodeName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    /** Records a finished run and drops the job's runs beyond the newest {@value #KEPT_PER_JOB}. */
    public void record(JobRun run) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement insert = connection.prepareStatement(INSERT);
                PreparedStatement prune = connection.prepareStatement(PRUNE)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, run.jobId());
            insert.setString(3, node);
            insert.setObject(4, utc(run.startedAt()));
            insert.setObject(5, utc(run.finishedAt()));
            insert.setString(6, run.succeeded() ? "ok" : "failed");
            insert.setLong(7, run.reportsDelivered());
            insert.setLong(8, run.reportsFailed());
            insert.setLong(9, run.records());
            insert.setLong(10, run.deadLettered());
            if (run.newestDataEnd().isPresent()) {
                insert.setObject(11, utc(run.newestDataEnd().get()));
            } else {
                insert.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            String failure = run.failure();
            insert.setString(
                    12, failure == null ? null : failure.substring(0, Math.min(failure.length(), FAILURE_LENGTH)));
            insert.setString(13, run.account());
            insert.executeUpdate();
            prune.setString(1, run.jobId());
            prune.setString(2, run.jobId());
            prune.setInt(3, keptPerJob - 1);
            prune.executeUpdate();
        }
    }

    /** The newest run of every job that has one, by job id. */
    public Map<String, LastRun> lastRuns() throws SQLException {
        Map<String, LastRun> runs = new LinkedHashMap<>();
        try (Connection connection = table.connect();
                PreparedStatement select = connection.prepareStatement(LAST_RUNS);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                runs.putIfAbsent(
                        row.getString("job_id"),
                        new LastRun(
                                row.getString("job_id"),
                                row.getString("account"),
                                row.getString("node"),
                                instant(row, "started_at"),
                                instant(row, "finished_at"),
                                row.getString("outcome"),
                                row.getLong("reports_delivered"),
                                row.getLong("reports_failed"),
                                row.getLong("records"),
                                row.getLong("dead_lettered"),
                                row.getString("failure"),
                                instant(row, "newest_data_end")));
            }
        }
        return runs;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
