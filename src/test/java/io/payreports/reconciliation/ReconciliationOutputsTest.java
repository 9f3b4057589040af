package io.payreports.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** A stray payout: nothing expected, no difference, no time as the source wrote it, no detail. */
    private static Item stray(Reason reason, Instant when) {
        return new Item(
                Check.PAYOUT_ARRIVES, reason, "T|1", "JPY", null, new BigDecimal("500"), null, when, null, null);
    }

    @Test
    void aBalancedRunSaysSoWithItsTolerancesAndListsWhatIsPending() throws Exception {
        StringWriter out = new StringWriter();

        ReconciliationReport.markdown(
                run(
                        "default",
                        item(Reason.BALANCED, "USD", "0", "fine"),
                        stray(Reason.TRANSFER_WITHOUT_SETTLEMENT, AT)),
                out);

        assertThat(out.toString())
                .isEqualTo("# Reconciliation 2026-02-01 to 2026-02-28, account default\n\n"
                        + "Run `run-1` at 2026-03-02T09:30:00Z: **balanced**, every difference within the tolerances.\n\n"
                        + "Tolerances: amounts within 0 minor unit(s) of the currency; payouts within 5 days of their"
                        + " transfer; captures and refunds settled within 14 days.\n\n"
                        + "| check | matched | unmatched | pending |\n|---|---:|---:|---:|\n"
                        + "| settlement closes | 1 | 0 | 0 |\n"
                        + "| payout arrives | 0 | 0 | 1 |\n"
                        + "| orders complete | 0 | 0 | 0 |\n"
                        + "\n## Pending\n\n"
                        + "| check | reason | reference | currency | expected | actual | difference | when | detail |\n"
                        + "|---|---|---|---|---:|---:|---:|---|---|\n"
                        + "| PAYOUT_ARRIVES | TRANSFER_WITHOUT_SETTLEMENT: "
                        + Reason.TRANSFER_WITHOUT_SETTLEMENT.meaning()
                        + " | T\\|1 | JPY |  | 500 |  | 2026-03-02T09:30:00Z |  |\n");
    }

    @Test
    void theUnexplainedAmountsEndTheirLineBeforeTheDifferences() throws Exception {
        StringWriter out = new StringWriter();

        ReconciliationReport.markdown(run("default", stray(Reason.PAYOUT_WITHOUT_SETTLEMENT, AT)), out);

        assertThat(out.toString())
                .contains(
                        "**1 difference(s)** to explain.\n\n",
                        "\nUnexplained amounts: 500 JPY\n\n## Differences\n\n| check |")
                .doesNotContain("## Pending");
    }

    @Test
    void theCsvLeavesWhatIsNotThereEmpty() throws Exception {
        StringWriter out = new StringWriter();

        ReconciliationReport.csv(run("default", stray(Reason.PAYOUT_WITHOUT_SETTLEMENT, null)), out);

        assertThat(out.toString().lines().skip(1).toList())
                .containsExactly("run-1,default,PAYOUT_ARRIVES,UNMATCHED,PAYOUT_WITHOUT_SETTLEMENT,T|1,JPY,,500,,,,");
    }

    @Test
    void bothFilesAreWrittenWholeIntoTheDirectory(@TempDir Path dir) throws Exception {
        ReconciliationResult result = run("default", item(Reason.RESERVE_HELD, "JPY", "-10", "held"));
        StringWriter markdown = new StringWriter();
        ReconciliationReport.markdown(result, markdown);
        StringWriter csv = new StringWriter();
        ReconciliationReport.csv(result, csv);

        Path written = ReconciliationReport.write(result, dir.resolve("reconciliation"));

        assertThat(written).isEqualTo(dir.resolve("reconciliation/run-1.md"));
        assertThat(written).content(StandardCharsets.UTF_8).isEqualTo(markdown.toString());
        assertThat(dir.resolve("reconciliation/run-1.csv"))
                .content(StandardCharsets.UTF_8)
                .isEqualTo(csv.toString());
        try (Stream<Path> files = Files.list(dir.resolve("reconciliation"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("run-1.md", "run-1.csv");
        }
    }

    @Test
    void aRunOfOneAccountLeavesTheOtherAccountsMetricsAlone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReconciliationMetrics metrics = new ReconciliationMetrics(registry);

        metrics.record(run("shop", item(Reason.UNBALANCED, "EUR", "-2.50", "")));
        metrics.record(run("outlet", item(Reason.BALANCED, "EUR", "0", "")));

        assertThat(gauge(registry, "payreports.reconciliation.unmatched.items", "shop", "EUR"))
                .isEqualTo(1.0);
        assertThat(gauge(registry, "payreports.reconciliation.unmatched.amount", "shop", "EUR"))
                .isEqualTo(2.5);
        assertThat(gauge(registry, "payreports.reconciliation.unmatched.items", "outlet", "EUR"))
                .isZero();
    }
}
