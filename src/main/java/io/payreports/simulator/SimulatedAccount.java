package io.payreports.simulator;

import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.amazonpay.Disbursement;
import io.payreports.amazonpay.Report;
import io.payreports.amazonpay.ReportSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a merchant's account remembers between calls: reports requested with createReport and the
 * report schedules. Creation rules follow the Amazon Pay reports API reference's ReportTypes table.
 */
final class SimulatedAccount {

    static final String SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";
    /** Types that can be requested with createReport (Amazon Pay reports API reference); settlement reports are made by Amazon only. */
    private static final Set<String> CREATABLE = Set.of(
            SANDBOX_SETTLEMENT,
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
            "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_");
    /** Types that can be scheduled: the creatable ones except the sandbox settlement (Amazon Pay reports API reference). */
    private static final Set<String> SCHEDULABLE = Set.of(
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
            "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_");
    /** How long a requested report stays IN_PROGRESS before the simulator finishes it. */
    static final Duration PROCESSING_TIME = Duration.ofSeconds(3);

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(68973459224L);
    private final Map<String, Report> requested = new ConcurrentHashMap<>();
    private final Map<String, String> reportsByIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, ReportSchedule> schedules = new ConcurrentHashMap<>();

    SimulatedAccount(Clock clock) {
        this.clock = clock;
    }

    /** The id of the report; the same key answers the same report, as Amazon's idempotency does. */
    String createReport(String idempotencyKey, String reportType, String startTime, String endTime) {
        if (!CREATABLE.contains(reportType)) {
            throw new Rejected("InvalidParameterValue", "Reports of type " + reportType + " cannot be requested.");
        }
        Instant start = time("startTime", startTime);
        Instant end = time("endTime", endTime);
        if (!end.isAfter(start)) {
            throw new Rejected("InvalidParameterValue", "endTime must be after startTime.");
        }
        return reportsByIdempotencyKey.computeIfAbsent(
                idempotencyKey == null ? "none-" + ids.get() : idempotencyKey, key -> {
                    String id = "A" + ids.incrementAndGet();
                    Instant now = clock.instant();
                    requested.put(
                            id,
                            new Report(
                                    id,
                                    reportType,
                                    start,
                                    end,
                                    now,
                                    Report.ProcessingStatus.IN_PROGRESS,
                                    now,
                                    null,
                                    null));
                    return id;
                });
    }

    /**
     * Requested reports as they stand now: finished after {@link #PROCESSING_TIME}. Only the sandbox
     * settlement has data here; the others end CANCELLED, Amazon's answer when there is no data (Amazon Pay reports API reference).
     */
    List<SimulatedReport> requestedReports(SettlementReportGenerator.Settlement sandboxData, boolean fail) {
        List<SimulatedReport> reports = new ArrayList<>();
        for (Report report : requested.values()) {
            Instant done = report.createdTime().plus(PROCESSING_TIME);
            if (clock.instant().isBefore(done)) {
                reports.add(new SimulatedReport(report, out -> {}));
            } else if (fail) {
                reports.add(new SimulatedReport(
                        new Report(
                                report.reportId(),
                                report.reportType(),
                                report.startTime(),
                                report.endTime(),
                                report.createdTime(),
                                Report.ProcessingStatus.FAILED,
                                report.processingStartTime(),
                                done,
                                null),
                        out -> {}));
            } else if (report.reportType().equals(SANDBOX_SETTLEMENT)) {
                SimulatedReport data = SimulatedReport.generated(sandboxData, SANDBOX_SETTLEMENT);
                reports.add(new SimulatedReport(
                        new Report(
                                report.reportId(),
                                report.reportType(),
                                report.startTime(),
                                report.endTime(),
                                report.createdTime(),
                                Report.ProcessingStatus.COMPLETED,
                                report.processingStartTime(),
                                done,
                                "amzn1.tortuga.3.requested." + report.reportId()),
                        data.content()));
            } else {
                reports.add(new SimulatedReport(
                        new Report(
                                report.reportId(),
                                report.reportType(),
                                report.startTime(),
                                report.endTime(),
                                report.createdTime(),
                                Report.ProcessingStatus.CANCELLED,
                                report.processingStartTime(),
                                done,
                                null),
                        out -> {}));
            }
        }
        return reports;
    }

    String createSchedule(String reportType, String frequency, String nextCreation, boolean deleteExisting) {
        if (!SCHEDULABLE.contains(reportType)) {
            throw new Rejected("InvalidParameterValue", "Reports of type " + reportType + " cannot be scheduled.");
        }
        if (!ReportSchedule.FREQUENCIES.contains(frequency)) {
            throw new Rejected(
                    "InvalidParameterValue",
                    "scheduleFrequency " + frequency + " is not one of " + ReportSchedule.FREQUENCIES + ".");
        }
        Instant next = time("nextReportCreationTime", nextCreation);
        synchronized (schedules) {
            Optional<ReportSchedule> existing = schedules.values().stream()
                    .filter(schedule -> schedule.reportType().equals(reportType))
                    .findFirst();
            if (existing.isPresent()) {
                if (!deleteExisting) {
                    throw new Rejected(
                            "InvalidRequest",
                            "A schedule for " + reportType + " exists: "
                                    + existing.get().reportScheduleId()
                                    + "; set deleteExistingSchedule=true to replace it.");
                }
                schedules.remove(existing.get().reportScheduleId());
            }
            String id = Long.toString(ids.incrementAndGet());
            schedules.put(id, new ReportSchedule(id, reportType, frequency, next));
            return id;
        }
    }

    List<ReportSchedule> schedules(List<String> reportTypes) {
        return schedules.values().stream()
                .filter(schedule -> reportTypes.isEmpty() || reportTypes.contains(schedule.reportType()))
                .sorted(Comparator.comparing(ReportSchedule::reportScheduleId))
                .toList();
    }

    Optional<ReportSchedule> schedule(String id) {
        return Optional.ofNullable(schedules.get(id));
    }

    boolean cancelSchedule(String id) {
        return schedules.remove(id) != null;
    }

    /** What the generated settlements paid out: one disbursement per settlement, at its end. */
    static List<Disbursement> disbursements(
            List<SettlementReportGenerator.Settlement> settlements, Instant start, Instant end) {
        return settlements.stream()
                .filter(settlement ->
                        !settlement.end().isBefore(start) && settlement.end().isBefore(end))
                .map(settlement -> new Disbursement(
                        settlement.sellerId(),
                        settlement.settlementId(),
                        disbursementId(settlement),
                        SettlementReportGenerator.disbursement(settlement),
                        settlement.currency(),
                        settlement.end()))
                .toList();
    }

    /** The amazonDisbursementReferenceId of a settlement's payout, which SP-API names as its DISBURSEMENT_ID. */
    static String disbursementId(SettlementReportGenerator.Settlement settlement) {
        return "DISB-" + settlement.settlementId();
    }

    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new Rejected("MissingParameterValue", name + " is required.");
        }
        try {
            return AmazonPayDates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new Rejected("InvalidParameterValue", name + ": " + e.getMessage());
        }
    }

    /** A request Amazon refuses with 400 and this reasonCode. */
    static final class Rejected extends RuntimeException {
        private final String reasonCode;

        Rejected(String reasonCode, String message) {
            super(message);
            this.reasonCode = reasonCode;
        }

        String reasonCode() {
            return reasonCode;
        }
    }
}
