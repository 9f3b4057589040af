package io.payreports.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The three checks over what the sinks stored, as plain functions of the records: no database, no clock. */
public final class Reconciliation {

    private Reconciliation() {}

    /**
     * Runs the three checks over the days {@code from} to {@code to} (inclusive, UTC).
     *
     * @param now the run's time: captures older than the unsettled-capture days before it are overdue
     */
    public static ReconciliationResult run(
            String runId,
            String account,
            LocalDate from,
            LocalDate to,
            Instant now,
            Tolerances tolerances,
            StoredRecords records) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<SettlementRow> settled = oneReportPerSettlement(records.settlementRows());
        List<SettlementRow> periods = settled.stream()
                .filter(row -> !row.settlementEnd().isBefore(start)
                        && row.settlementEnd().isBefore(until))
                .toList();
        List<Item> items = new ArrayList<>(SettlementCheck.check(periods, tolerances));
        items.addAll(PayoutCheck.check(
                periods.stream().filter(SettlementRow::isTransfer).toList(),
                records.payouts(),
                start,
                until,
                tolerances));
        items.addAll(OrderCheck.check(
                records.orderTransactions().stream()
                        .filter(t -> !t.created().isBefore(start) && t.created().isBefore(until))
                        .toList(),
                settled,
                now,
                tolerances));
        return new ReconciliationResult(runId, account, from, to, now, tolerances, items);
    }

    /**
     * A settlement delivered in more than one report (a sandbox copy, a re-created report) would count twice: per
     * settlement only the report with the most rows is kept, the greatest report id on a tie.
     */
    static List<SettlementRow> oneReportPerSettlement(List<SettlementRow> rows) {
        Map<String, Map<String, Long>> rowsPerReport = new HashMap<>();
        rows.forEach(row -> rowsPerReport
                .computeIfAbsent(row.settlementId(), id -> new TreeMap<>())
                .merge(row.reportId(), 1L, Long::sum));
        Map<String, String> chosen = new HashMap<>();
        rowsPerReport.forEach((settlement, reports) -> chosen.put(
                settlement,
                reports.entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow()
                        .getKey()));
        return rows.stream()
                .filter(row -> row.reportId().equals(chosen.get(row.settlementId())))
                .toList();
    }
}
