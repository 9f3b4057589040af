package io.payreports.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report and the metrics of a run. */
class ReconciliationOutputsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    private static ReconciliationResult run(String account, Item... items) {
        return new ReconciliationResult(
                "run-1",
                account,
                LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28"),
                AT,
                Tolerances.DEFAULTS,
                List.of(items));
    }

    private static Item item(Reason reason, String currency, String difference, String detail) {
        return new Item(
                Check.SETTLEMENT_CLOSES,
                reason,
                "S1",
                currency,
                new BigDecimal("100"),
                new BigDecimal("90"),
                difference == null ? null : new BigDecimal(difference),
                AT,
                "2026-03-02T10:30:00+0100",
                detail);
    }

    @Test
    void theMarkdownGivesTheVerdictAndEachDifferenceWithItsReasonAndRawTime() throws Exception {
        StringWriter out = new StringWriter();

        ReconciliationReport.markdown(
                run(
                        "default",
                        item(Reason.BALANCED, "USD", "0", "fine"),
                        item(Reason.RESERVE_HELD, "JPY", "-10", "Store | \"A\"\nline")),
                out);

        assertThat(out.toString())
                .contains(
                        "# Reconciliation 2026-02-01 to 2026-02-28, account default",
                        "**1 difference(s)** to explain.",
                        "| settlement closes | 1 | 1 | 0 |",
                        "Unexplained amounts: 10 JPY",
                        "| SETTLEMENT_CLOSES | RESERVE_HELD: a reserve row",
                        "| S1 | JPY | 100 | 90 | -10 | 2026-03-02T10:30:00+0100 | Store \\| \"A\" line |")
                .doesNotContain("## Pending");
    }

    @Test
    void theCsvHoldsEveryItemWithExactAmounts() throws Exception {
        StringWriter out = new StringWriter();

        ReconciliationReport.csv(run("default", item(Reason.BALANCED, "USD", "0.001", "a,b")), out);

        assertThat(out.toString().lines().toList())
                .containsExactly(
                        "runId,account,check,status,reason,reference,currency,expected,actual,difference,when,whenRaw,detail",
                        "run-1,default,SETTLEMENT_CLOSES,MATCHED,BALANCED,S1,USD,100.00,90.00,0.001,"
                                + "2026-03-02T09:30:00Z,2026-03-02T10:30:00+0100,\"a,b\"");
    }

    @Test
    void metricsShowTheLatestRunPerAccountAndCurrency() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReconciliationMetrics metrics = new ReconciliationMetrics(registry);

        metrics.record(run(
                "shop",
                item(Reason.UNBALANCED, "EUR", "-2.50", ""),
                item(Reason.PAYOUT_MISSING, "EUR", null, ""),
                item(Reason.BALANCED, "USD", "0", "")));

        assertThat(gauge(registry, "payreports.reconciliation.unmatched.items", "shop", "EUR"))
                .isEqualTo(2.0);
        assertThat(gauge(registry, "payreports.reconciliation.unmatched.amount", "shop", "EUR"))
                .isEqualTo(92.5); // 2.50 unexplained and the missing payout's 90
        assertThat(gauge(registry, "payreports.reconciliation.unmatched.items", "shop", "USD"))
                .isZero();

        metrics.record(run("shop", item(Reason.BALANCED, "USD", "0", "")));

        assertThat(gauge(registry, "payreports.reconciliation.unmatched.items", "shop", "EUR"))
                .isZero();
        assertThat(gauge(registry, "payreports.reconciliation.unmatched.amount", "shop", "EUR"))
                .isZero();
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String account, String currency) {
        return registry.get(name)
                .tag("account", account)
                .tag("currency", currency)
                .gauge()
                .value();
    }
}
