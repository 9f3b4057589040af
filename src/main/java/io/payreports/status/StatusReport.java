package io.payreports.status;

import io.payreports.reports.ReportContext;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.state.RunHistory;
import io.payreports.state.StateTable;
import io.payreports.state.WatermarkStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Puts the status together from the state database (run history, watermarks), the dead-letter folder and the
 * jobs' next fire times, which the caller knows best: the runtime asks its Quartz scheduler, the {@code status}
 * command reads them from Quartz's tables or the jobs' crons ({@link NextFires}).
 */
public final class StatusReport {

    private final RunHistory history;
    private final WatermarkStore watermarks;
    private final Path outDir;
    private final Clock clock;

    public StatusReport(RunHistory history, WatermarkStore watermarks, Path outDir, Clock clock) {
        this.history = history;
        this.watermarks = watermarks;
        this.outDir = outDir;
        this.clock = clock;
    }

    /** For reading only ({@code status}): creates nothing in the state database; tables not there yet read as empty. */
    public static StatusReport reading(DataSource state, Path outDir, Clock clock) {
        return new StatusReport(RunHistory.reader(state), WatermarkStore.reader(state), outDir, clock);
    }

    /**
     * @param nextFires the scheduled jobs and when each fires next (null when it will not); jobs that only the
     *                  state database knows (no longer scheduled, replays, backfills) are listed too
     */
    public Status read(Map<String, Instant> nextFires) throws SQLException {
        return status(nextFires, emptyWhenMissing(history::lastRuns), emptyWhenMissing(watermarks::all), outDir, clock);
    }

    /** Before the state database exists (nothing ran yet): the scheduled jobs and the dead letters only. */
    public static Status withoutState(Map<String, Instant> nextFires, Path outDir, Clock clock) {
        return status(nextFires, Map.of(), Map.of(), outDir, clock);
    }

    private static Status status(
            Map<String, Instant> nextFires,
            Map<String, RunHistory.LastRun> runs,
            Map<String, Instant> marks,
            Path outDir,
            Clock clock) {
        Instant now = clock.instant();
        // watermarks are kept by state key (account/jobId for jobs of other accounts than the default)
        Map<String, String> watermarkAccounts = new HashMap<>();
        marks.keySet().forEach(key -> {
            int slash = key.indexOf('/');
            watermarkAccounts.put(
                    key.substring(slash + 1), slash < 0 ? ReportContext.DEFAULT_ACCOUNT : key.substring(0, slash));
        });
        Set<String> jobs = new TreeSet<>(nextFires.keySet());
        jobs.addAll(runs.keySet());
        jobs.addAll(watermarkAccounts.keySet());
        List<JobStatus> lines = new ArrayList<>();
        for (String job : jobs) {
            RunHistory.LastRun run = runs.get(job);
            String account =
                    run != null ? run.account() : watermarkAccounts.getOrDefault(job, ReportContext.DEFAULT_ACCOUNT);
            Instant newestData = run == null ? null : run.newestDataEnd();
            lines.add(new JobStatus(
                    job,
                    account,
                    run == null ? null : run.started(),
                    run == null ? null : run.finished(),
                    run == null ? null : run.outcome(),
                    run == null ? null : run.records(),
                    run == null ? null : run.deadLettered(),
                    run == null ? null : run.failure(),
                    run == null ? null : run.node(),
                    marks.get(ReportContext.stateKey(account, job)),
                    newestData == null
                            ? null
                            : Duration.between(newestData, now).toSeconds(),
                    nextFires.get(job),
                    deadLetterFiles(outDir, account, job)));
        }
        return new Status(now, lines);
    }

    private interface StateRead<T> {
        Map<String, T> read() throws SQLException;
    }

    /** No run has created the table yet (a new installation): nothing recorded, which is no error. */
    private static <T> Map<String, T> emptyWhenMissing(StateRead<T> read) throws SQLException {
        try {
            return read.read();
        } catch (SQLException e) {
            if (StateTable.isMissingTable(e)) {
                return Map.of();
            }
            throw e;
        }
    }

    /** The job's folder holds its dead letters; a replayed file is renamed to {@code *.replayed}. */
    private static List<String> deadLetterFiles(Path outDir, String account, String job) {
        try (Stream<Path> files = Files.list(DeadLetterWriter.jobDirectory(outDir, account, job))) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json") || name.endsWith(".jsonl"))
                    .sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
