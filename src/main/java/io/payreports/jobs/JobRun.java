package io.payreports.jobs;

import io.payreports.reports.ReportContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of one job run. It travels in the run's {@link JobContext}, so the split copies of the
 * run's exchange all add to the same object.
 */
public final class JobRun {

    private static final Duration GAP_TOLERANCE = Duration.ofMinutes(1);
    /** Dead-letter files named in the summary line; a run over many bad reports names the first few. */
    private static final int SHOWN_FILES = 5;

    private final String jobId;
    private final String account;
    private final String exchangeId;
    private final Instant started;
    /** Elapsed time of an unfinished run is measured on the monotonic clock, whatever calendar the runtime clock shows. */
    private final long startedNanos = System.nanoTime();

    private final AtomicLong reportsListed = new AtomicLong();
    private final AtomicLong reportsDelivered = new AtomicLong();
    private final AtomicLong reportsFailed = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong rowsRejected = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, AtomicLong> deliveredBySink = new ConcurrentHashMap<>();
    /** Records a sink could not take after its retries, parked in its dead-letter destination. */
    private final Map<String, AtomicLong> deadLetteredBySink = new ConcurrentHashMap<>();
    /** Data periods of the delivered reports, so that a missing settlement period shows in the summary. */
    private final List<Period> covered = new CopyOnWriteArrayList<>();
    /** Reports being read or delivered now, named when the run passes its deadline. */
    private final java.util.Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Reports Amazon ended without a document (FAILED, CANCELLED): listed, never fetched. */
    private final List<String> notFetched = new CopyOnWriteArrayList<>();

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** The dead-letter files of rows that did not parse, named in the summary. */
    private final List<String> rejectedRowFiles = new CopyOnWriteArrayList<>();
    /** Reports the sinks took but the state database did not record as delivered. */
    private final List<String> notRecorded = new CopyOnWriteArrayList<>();

    private volatile Instant finished;
    private volatile String failure;
    private Instant earliestFailure;

    /** A run of a job of the {@link ReportContext#DEFAULT_ACCOUNT}. */
    public JobRun(String jobId, String exchangeId, Instant started) {
        this(jobId, ReportContext.DEFAULT_ACCOUNT, exchangeId, started);
    }

    public JobRun(String jobId, String account, String exchangeId, Instant started) {
        this.jobId = jobId;
        this.account = account;
        this.exchangeId = exchangeId;
        this.started = started;
    }

    public void reportsListed(int count) {
        reportsListed.addAndGet(count);
    }

    /**
     * A report whose every sink either committed it or dead-lettered its records: its good records,
     * its rejected rows, and per sink the records delivered and the records dead-lettered.
     */
    public void reportDelivered(
            ReportContext report,
            long recordCount,
            long rejectedRows,
            Map<String, Long> bySink,
            Map<String, Long> deadLetteredBySink) {
        reportsDelivered.incrementAndGet();
        if (report.dataStart() != null && report.dataEnd() != null) {
            covered.add(new Period(report.dataStart(), report.dataEnd()));
        }
        records.addAndGet(recordCount);
        deadLettered.addAndGet(rejectedRows);
        rowsRejected.addAndGet(rejectedRows);
        bySink.forEach((sink, count) ->
                deliveredBySink.computeIfAbsent(sink, name -> new AtomicLong()).addAndGet(count));
        deadLetteredBySink.forEach((sink, count) -> {
            deliveredBySink.computeIfAbsent(sink, name -> new AtomicLong()); // the sink shows in the summary with 0
            this.deadLetteredBySink
                    .computeIfAbsent(sink, name -> new AtomicLong())
                    .addAndGet(count);
            deadLettered.addAndGet(count);
        });
    }

    /** A report's delivery began; {@link #reportEnded} follows however it ends. */
    public void reportStarted(String reportId) {
        inFlight.add(reportId);
    }

    public void reportEnded(String reportId) {
        inFlight.remove(reportId);
    }

    /** What the run had not done yet, for a run stopped at its deadline: reports in flight, reports not reached. */
    public String unfinished() {
        List<String> parts = new ArrayList<>();
        inFlight.forEach(reportId -> parts.add("report " + reportId + " in flight"));
        long open = reportsListed.get() - reportsDelivered.get() - reportsFailed.get();
        if (open > 0) {
            parts.add(open + " of " + reportsListed.get() + " listed reports not delivered");
        }
        return parts.isEmpty() ? "no report started, " + reportsListed.get() + " listed" : String.join(", ", parts);
    }

    /** Where the rows of a delivered report that did not parse were dead-lettered: one file per reason. */
    public void rowsRejectedIn(List<String> files) {
        rejectedRowFiles.addAll(files);
    }

    /**
     * A report that ended in the dead-letter channel after its retries. {@code position} is where
     * the report sits in the source's order (e.g. its creation time); the watermark stays before it.
     */
    public synchronized void reportFailed(Instant position) {
        reportsFailed.incrementAndGet();
        deadLettered.incrementAndGet();
        holdWatermarkAt(position);
    }

    /**
     * A report every sink took whose delivery the state database did not record: the run fails and
     * the watermark stays before it, so the next run lists it again (the sinks absorb the repeat).
     */
    public void deliveryNotRecorded(String reportId, Instant position, String reason) {
        notRecorded.add(reportId + " (" + reason + ")");
        holdWatermarkAt(position);
    }

    private synchronized void holdWatermarkAt(Instant position) {
        if (position != null && (earliestFailure == null || position.isBefore(earliestFailure))) {
            earliestFailure = position;
        }
    }

    /** The position of the earliest failed report, if any: the watermark must not pass it. */
    public synchronized Optional<Instant> earliestFailure() {
        return Optional.ofNullable(earliestFailure);
    }

    /** One redelivery attempt of this run's exchanges (a retried API call, download or report). */
    void retried() {
        retries.incrementAndGet();
    }

    public long retries() {
        return retries.get();
    }

    /** Rows of delivered reports that did not parse and went to the dead letters. */
    public long rowsRejected() {
        return rowsRejected.get();
    }

    /** The dead-letter files of the rejected rows; past a few, how many more. */
    public String rejectedRowFiles() {
        List<String> files = List.copyOf(rejectedRowFiles);
        return files.size() <= SHOWN_FILES
                ? files.toString()
                : files.subList(0, SHOWN_FILES) + " and " + (files.size() - SHOWN_FILES) + " more files";
    }

    /** The end of the newest data period this run delivered. */
    public Optional<Instant> newestDataEnd() {
        return covered.stream().map(Period::end).max(Comparator.naturalOrder());
    }

    public Instant startedAt() {
        return started;
    }

    public Instant finishedAt() {
        return finished;
    }

    /** A report Amazon ended as FAILED or CANCELLED: it has no document; the summary names it. */
    public void reportNotFetched(String reportId, String status) {
        notFetched.add(reportId + " " + status);
    }

    /** The reports {@link #reportNotFetched} named, as {@code <reportId> <status>}. */
    public List<String> notFetched() {
        return List.copyOf(notFetched);
    }

    /** Something an operator should look at although the run delivered what it could, e.g. a stale watermark. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** What {@link #warn} recorded in this run, e.g. a watermark older than Amazon's retention. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty() || !notFetched.isEmpty() || coveredRanges().size() > 1;
    }

    /**
     * The run itself failed (e.g. the report listing), beyond single reports. The reason names an account other than
     * the default one: a wrong key or a throttled account is then told apart from the others at a glance.
     */
    public void failed(String reason) {
        this.failure = ReportContext.isDefault(account) ? reason : "account " + account + ": " + reason;
    }

    /** The run failed and its cause went to the dead-letter channel. */
    public void failedToDeadLetter(String reason) {
        failed(reason);
        deadLettered.incrementAndGet();
    }

    void finish(Instant at) {
        this.finished = at;
    }

    public String jobId() {
        return jobId;
    }

    /** The merchant account whose credentials the job calls Amazon with. */
    public String account() {
        return account;
    }

    /**
     * What the job's state is kept under (watermark, delivered reports, remembered transactions, payouts):
     * {@link ReportContext#stateKey(String, String)}.
     */
    public String stateKey() {
        return ReportContext.stateKey(account, jobId);
    }

    /** The job as logs and tables name it: its id, another account's than the default account's {@code account/jobId}. */
    public String label() {
        return stateKey();
    }

    /** A report this run delivers: its records carry the run's job and account. */
    public ReportContext report(String reportId, String reportType, Instant dataStart, Instant dataEnd) {
        return new ReportContext(jobId, account, reportId, reportType, dataStart, dataEnd);
    }

    public String exchangeId() {
        return exchangeId;
    }

    public boolean isFinished() {
        return finished != null;
    }

    /**
     * False also when a sink dead-lettered records (they are safe, but not where the operator wants them)
     * and when rows did not parse: the operator has to look at their dead letters.
     */
    public boolean succeeded() {
        return everyRecordSettled() && rowsRejected.get() == 0;
    }

    /**
     * Every report the run took is in every sink or dead-lettered row by row, none waits for a redelivery or
     * a replay: a watermark may move past what this run read. Rows that did not parse do not hold it, they
     * are dead-lettered with their line and would be rejected again.
     */
    public boolean everyRecordSettled() {
        return failure == null
                && reportsFailed.get() == 0
                && notRecorded.isEmpty()
                && deadLetteredBySink.values().stream().allMatch(count -> count.get() == 0);
    }

    public String failure() {
        return failure;
    }

    public long reportsListed() {
        return reportsListed.get();
    }

    public long reportsDelivered() {
        return reportsDelivered.get();
    }

    public long reportsFailed() {
        return reportsFailed.get();
    }

    public long records() {
        return records.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public Map<String, Long> deliveredBySink() {
        return snapshot(deliveredBySink);
    }

    public Map<String, Long> deadLetteredBySink() {
        return snapshot(deadLetteredBySink);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((sink, count) -> copy.put(sink, count.get()));
        return copy;
    }

    public Duration duration() {
        return finished == null
                ? Duration.ofNanos(System.nanoTime() - startedNanos)
                : Duration.between(started, finished);
    }

    /**
     * The delivered periods joined where they meet: Amazon's settlement periods follow each other (Amazon Pay settlement report guide:
     * one ends where the next starts, give or take a second), so several ranges mean a report between them
     * is missing, late, or was delivered by another run.
     */
    List<Period> coveredRanges() {
        List<Period> ranges = new ArrayList<>();
        for (Period period :
                covered.stream().sorted(Comparator.comparing(Period::start)).toList()) {
            Period last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && !period.start().isAfter(last.end().plus(GAP_TOLERANCE))) {
                ranges.set(
                        ranges.size() - 1,
                        new Period(last.start(), period.end().isAfter(last.end()) ? period.end() : last.end()));
            } else {
                ranges.add(period);
            }
        }
        return ranges;
    }

    /** A data period, shown to the minute in UTC. */
    record Period(Instant start, Instant end) {
        @Override
        public String toString() {
            return start.truncatedTo(ChronoUnit.MINUTES) + ".." + end.truncatedTo(ChronoUnit.MINUTES);
        }
    }

    /** The one log line per run that operators grep for. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("job ")
                .append(label())
                .append(succeeded() ? " ok" : " FAILED")
                .append(": reports new=")
                .append(reportsDelivered.get() + reportsFailed.get())
                .append(" delivered=")
                .append(reportsDelivered.get())
                .append(" failed=")
                .append(reportsFailed.get())
                .append(", records=")
                .append(records.get());
        Map<String, Long> parked = deadLetteredBySink();
        deliveredBySink().forEach((sink, count) -> {
            line.append(", ").append(sink).append('=').append(count);
            if (parked.getOrDefault(sink, 0L) > 0) {
                line.append(" (dead-lettered ").append(parked.get(sink)).append(')');
            }
        });
        line.append(", dead-lettered=")
                .append(deadLettered.get())
                .append(", duration=")
                .append(duration().toMillis())
                .append(" ms");
        List<Period> ranges = coveredRanges();
        if (!ranges.isEmpty()) {
            line.append(", covered=").append(ranges.size() == 1 ? ranges.get(0) : ranges + " (GAPS between)");
        }
        if (!notFetched.isEmpty()) {
            line.append(", not fetched=").append(notFetched);
        }
        if (!notRecorded.isEmpty()) {
            line.append(", delivered but not recorded=").append(notRecorded);
        }
        if (rowsRejected.get() > 0) {
            line.append(", rows rejected=")
                    .append(rowsRejected.get())
                    .append(" in ")
                    .append(rejectedRowFiles());
        }
        warnings.forEach(warning -> line.append(", warning: ").append(warning));
        if (failure != null) {
            line.append(", cause: ").append(failure);
        }
        return line.toString();
    }
}
