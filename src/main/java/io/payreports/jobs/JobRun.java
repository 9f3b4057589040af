package io.payreports.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of one job run. It travels as an exchange property, so the split copies of the
 * run's exchange all add to the same object.
 */
public final class JobRun {

    public static final String PROPERTY = "payreportsJobRun";
    /** Exchange property: where the report in flight sits in its source's order (for the watermark). */
    public static final String FAILURE_POSITION = "payreportsReportPosition";

    private final String jobId;
    private final String exchangeId;
    private final Instant started;
    private final AtomicLong reportsListed = new AtomicLong();
    private final AtomicLong reportsDelivered = new AtomicLong();
    private final AtomicLong reportsFailed = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Map<String, AtomicLong> deliveredBySink = new ConcurrentHashMap<>();
    private volatile Instant finished;
    private volatile String failure;
    private Instant earliestFailure;

    public JobRun(String jobId, String exchangeId, Instant started) {
        this.jobId = jobId;
        this.exchangeId = exchangeId;
        this.started = started;
    }

    public void reportsListed(int count) {
        reportsListed.addAndGet(count);
    }

    /** A report whose every sink committed: its good records and its dead-lettered rows. */
    public void reportDelivered(long recordCount, long rejectedRows, Map<String, Long> bySink) {
        reportsDelivered.incrementAndGet();
        records.addAndGet(recordCount);
        deadLettered.addAndGet(rejectedRows);
        bySink.forEach((sink, count) -> deliveredBySink.computeIfAbsent(sink, name -> new AtomicLong()).addAndGet(count));
    }

    /**
     * A report that ended in the dead-letter channel after its retries. {@code position} is where
     * the report sits in the source's order (e.g. its creation time); the watermark stays before it.
     */
    public synchronized void reportFailed(Instant position) {
        reportsFailed.incrementAndGet();
        deadLettered.incrementAndGet();
        if (position != null && (earliestFailure == null || position.isBefore(earliestFailure))) {
            earliestFailure = position;
        }
    }

    /** The position of the earliest failed report, if any: the watermark must not pass it. */
    public synchronized Optional<Instant> earliestFailure() {
        return Optional.ofNullable(earliestFailure);
    }

    /** The run itself failed (e.g. the report listing), beyond single reports. */
    public void failed(String reason) {
        this.failure = reason;
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

    public String exchangeId() {
        return exchangeId;
    }

    public boolean isFinished() {
        return finished != null;
    }

    public boolean succeeded() {
        return failure == null && reportsFailed.get() == 0;
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
        Map<String, Long> copy = new TreeMap<>();
        deliveredBySink.forEach((sink, count) -> copy.put(sink, count.get()));
        return copy;
    }

    public Duration duration() {
        return Duration.between(started, finished == null ? Instant.now() : finished);
    }

    /** The one log line per run that operators grep for. */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("job ").append(jobId)
                .append(succeeded() ? " ok" : " FAILED")
                .append(": reports new=").append(reportsDelivered.get() + reportsFailed.get())
                .append(" delivered=").append(reportsDelivered.get())
                .append(" failed=").append(reportsFailed.get())
                .append(", records=").append(records.get());
        deliveredBySink().forEach((sink, count) -> line.append(", ").append(sink).append('=').append(count));
        line.append(", dead-lettered=").append(deadLettered.get())
                .append(", duration=").append(duration().toMillis()).append(" ms");
        if (failure != null) {
            line.append(", cause: ").append(failure);
        }
        return line.toString();
    }
}
