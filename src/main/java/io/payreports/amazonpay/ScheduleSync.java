package io.payreports.amazonpay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Report schedules as code: compares the schedules an operator declares with the ones Amazon has
 * and makes them equal. Amazon keeps one schedule per report type (Amazon Pay reports API reference), so a type is the key;
 * a different frequency is replaced with {@code deleteExistingSchedule=true}. Schedules nobody
 * declared are cancelled only when pruning is on.
 */
public final class ScheduleSync {

    /** When a created schedule first runs: soon, so that the operator sees it work. */
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(5);

    private final AmazonPayClient client;
    private final Clock clock;

    public ScheduleSync(AmazonPayClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public enum Action {
        CREATE,
        REPLACE,
        CANCEL,
        UNCHANGED
    }

    /** One line of the plan; {@code current} is Amazon's schedule id when there is one. */
    public record Step(Action action, String reportType, String frequency, String current) {
        @Override
        public String toString() {
            return String.format(
                    "%-9s %s %s%s",
                    action, reportType, frequency, current == null ? "" : " (schedule " + current + ")");
        }
    }

    /** @param declared report type → ScheduleFrequency (e.g. P1D) */
    public List<Step> plan(Map<String, String> declared, boolean prune) {
        Map<String, ReportSchedule> actual = client.getReportSchedules(List.of()).stream()
                .collect(Collectors.toMap(
                        ReportSchedule::reportType, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Step> steps = new ArrayList<>();
        declared.forEach((type, frequency) -> {
            ReportSchedule existing = actual.get(type);
            if (existing == null) {
                steps.add(new Step(Action.CREATE, type, frequency, null));
            } else if (!existing.scheduleFrequency().equals(frequency)) {
                steps.add(new Step(Action.REPLACE, type, frequency, existing.reportScheduleId()));
            } else {
                steps.add(new Step(Action.UNCHANGED, type, frequency, existing.reportScheduleId()));
            }
        });
        actual.values().stream()
                .filter(schedule -> !declared.containsKey(schedule.reportType()))
                .map(schedule -> new Step(
                        prune ? Action.CANCEL : Action.UNCHANGED,
                        schedule.reportType(),
                        schedule.scheduleFrequency(),
                        schedule.reportScheduleId()))
                .forEach(steps::add);
        steps.sort(Comparator.comparing(Step::action).thenComparing(Step::reportType));
        return steps;
    }

    /** Carries out a plan; each write uses its own idempotency key. */
    public void apply(List<Step> plan) {
        for (Step step : plan) {
            switch (step.action()) {
                case CREATE, REPLACE ->
                    client.createReportSchedule(
                            step.reportType(),
                            step.frequency(),
                            clock.instant().plus(FIRST_RUN_AFTER),
                            step.action() == Action.REPLACE,
                            AmazonPayClient.newIdempotencyKey());
                case CANCEL -> client.cancelReportSchedule(step.current());
                case UNCHANGED -> {}
            }
        }
    }
}
