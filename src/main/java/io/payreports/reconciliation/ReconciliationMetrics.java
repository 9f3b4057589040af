package io.payreports.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What operators alert on, per account and currency, as of the latest run: {@code
 * payreports_reconciliation_unmatched_items{account,currency}} and {@code
 * payreports_reconciliation_unmatched_amount{account,currency}} (the summed absolute differences). The amount is a
 * gauge for alerting (a double); the exact figures are in the report and the reconciliation tables.
 */
public final class ReconciliationMetrics {

    private final MeterRegistry registry;
    private final Map<List<String>, AtomicReference<BigDecimal>> counts = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicReference<BigDecimal>> amounts = new ConcurrentHashMap<>();

    public ReconciliationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ReconciliationResult result) {
        // a currency with differences last time and none now goes back to zero
        counts.forEach((key, value) -> {
            if (key.get(0).equals(result.account())) {
                value.set(BigDecimal.ZERO);
            }
        });
        amounts.forEach((key, value) -> {
            if (key.get(0).equals(result.account())) {
                value.set(BigDecimal.ZERO);
            }
        });
        result.items().forEach(item -> {
            gauge(counts, "payreports.reconciliation.unmatched.items", result.account(), item.currency());
            gauge(amounts, "payreports.reconciliation.unmatched.amount", result.account(), item.currency());
        });
        result.unmatchedCountByCurrency()
                .forEach((currency, count) -> gauge(
                                counts, "payreports.reconciliation.unmatched.items", result.account(), currency)
                        .set(BigDecimal.valueOf(count)));
        result.unmatchedAmountByCurrency()
                .forEach((currency, amount) -> gauge(
                                amounts, "payreports.reconciliation.unmatched.amount", result.account(), currency)
                        .set(amount));
    }

    private AtomicReference<BigDecimal> gauge(
            Map<List<String>, AtomicReference<BigDecimal>> gauges, String name, String account, String currency) {
        return gauges.computeIfAbsent(List.of(account, currency), key -> {
            AtomicReference<BigDecimal> value = new AtomicReference<>(BigDecimal.ZERO);
            Gauge.builder(name, value, v -> v.get().doubleValue())
                    .tag("account", account)
                    .tag("currency", currency)
                    .register(registry);
            return value;
        });
    }
}
