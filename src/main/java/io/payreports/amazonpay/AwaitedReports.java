package io.payreports.amazonpay;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports a backfill requested, as Amazon last described them, and when to ask again: the body of
 * the backfill route's polling loop (camel/amazonpay-reports.yaml), which runs while {@link #inProgress}.
 */
public final class AwaitedReports {

    private static final Duration FIRST_POLL = Duration.ofSeconds(1);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);

    /** By report id; null until the first getReportById. */
    private final Map<String, Report> reports = new LinkedHashMap<>();

    private final Instant deadline;
    private final Duration timeout;
    private Duration pause = Duration.ZERO;

    AwaitedReports(List<String> reportIds, Instant requested, Duration timeout) {
        reportIds.forEach(id -> reports.put(id, null));
        this.deadline = requested.plus(timeout);
        this.timeout = timeout;
    }

    /** Whether a report is still to be created: the loop's condition. */
    public boolean inProgress() {
        return reports.values().stream().anyMatch(AwaitedReports::pending);
    }

    /** The wait before the next poll, for the loop's delay: none before the first, then 1 s doubling up to 30 s. */
    public long pauseMillis() {
        return pause.toMillis();
    }

    List<String> pendingIds() {
        return reports.entrySet().stream()
                .filter(entry -> pending(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Records what Amazon answered; a report still in progress past the deadline fails the backfill. */
    void polled(List<Report> answers, Instant now) {
        answers.forEach(report -> reports.put(report.reportId(), report));
        pause = pause.isZero() ? FIRST_POLL : min(pause.multipliedBy(2), MAX_POLL);
        List<String> pending = pendingIds();
        if (!pending.isEmpty() && now.plus(pause).isAfter(deadline)) {
            throw new IllegalStateException(
                    "backfill: report " + pending.get(0) + " still IN_PROGRESS after " + timeout);
        }
    }

    List<Report> reports() {
        return List.copyOf(reports.values());
    }

    private static boolean pending(Report report) {
        return report == null || report.processingStatus() == Report.ProcessingStatus.IN_PROGRESS;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }
}
