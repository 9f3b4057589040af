package io.payreports.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reconciliation run: the days it covered ({@code from} to {@code to}, both inclusive, UTC), and every item of
 * the three checks.
 */
public record ReconciliationResult(
        String runId,
        String account,
        LocalDate from,
        LocalDate to,
        Instant startedAt,
        Tolerances tolerances,
        List<Item> items) {

    public ReconciliationResult {
        items = List.copyOf(items);
    }

    public List<Item> unmatched() {
        return items.stream().filter(Item::unmatched).toList();
    }

    /** Every difference within the tolerances: nothing to chase. */
    public boolean balanced() {
        return items.stream().noneMatch(Item::unmatched);
    }

    public long count(Check check, Reason.Status status) {
        return items.stream()
                .filter(item -> item.check() == check && item.status() == status)
                .count();
    }

    /** Per currency, the summed absolute amounts of the unmatched items: what is left to explain. */
    public Map<String, BigDecimal> unmatchedAmountByCurrency() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Item item : unmatched()) {
            sums.merge(item.currency(), item.amountAtStake().abs(), BigDecimal::add);
        }
        return sums;
    }

    public Map<String, Long> unmatchedCountByCurrency() {
        Map<String, Long> counts = new TreeMap<>();
        unmatched().forEach(item -> counts.merge(item.currency(), 1L, Long::sum));
        return counts;
    }
}
