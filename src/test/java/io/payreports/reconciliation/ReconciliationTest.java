package io.payreports.reconciliation;

import static io.payreports.reconciliation.Rows.disbursement;
import static io.payreports.reconciliation.Rows.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three checks together over the records of some days, and what a run sums up. */
class ReconciliationTest {

    private static final LocalDate FROM = LocalDate.parse("2026-03-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");
    private static final Instant FIRST = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-02T08:00:00Z");

    /** A settlement row of report {@code report}, ending and posted at {@code end}. */
    private static SettlementRow row(
            String report, String settlement, String type, String id, String net, Instant end) {
        return new SettlementRow(
                report,
                1,
                settlement,
                end,
                type,
                id,
                null,
                money(net, "USD"),
                money("0", "USD"),
                money(net, "USD"),
                end,
                null);
    }

    private static OrderTransaction capture(String id, String amount, Instant created) {
        return new OrderTransaction(OrderTransaction.Kind.CAPTURE, id, "P01-1", money(amount, "USD"), created, null);
    }

    private static ReconciliationResult run(
            List<SettlementRow> rows, List<Payout> payouts, List<OrderTransaction> orders) {
        return Reconciliation.run(
                "run-1", "shop", FROM, TO, NOW, Tolerances.DEFAULTS, new StoredRecords(rows, payouts, orders));
    }

    @Test
    void onlySettlementsEndingWithinTheDaysAreClosedButLaterOnesSettleTheirCaptures() {
        List<SettlementRow> rows = List.of(
                row("R0", "S0", "Capture", "C0", "10.00", FIRST.minusMillis(1)),
                row("R0", "S0", "Transfer", null, "-10.00", FIRST.minusMillis(1)),
                row("R1", "S1", "Capture", "C1", "20.00", FIRST),
                row("R1", "S1", "Transfer", null, "-20.00", FIRST),
                row("R2", "S2", "Capture", "C2", "30.00", AFTER_LAST.minusMillis(1)),
                row("R2", "S2", "Transfer", null, "-30.00", AFTER_LAST.minusMillis(1)),
                row("R3", "S3", "Capture", "C3", "40.00", AFTER_LAST),
                row("R3", "S3", "Transfer", null, "-40.00", AFTER_LAST));
        List<Payout> payouts = List.of(
                disbursement("D1", "S1", "20.00", "USD", FIRST), disbursement("D2", "S2", "30.00", "USD", FIRST));
        List<OrderTransaction> orders = List.of(
                capture("C0", "10.00", FIRST.minusMillis(1)),
                capture("C1", "20.00", FIRST),
                capture("C3", "40.00", AFTER_LAST.minusMillis(1)),
                capture("C4", "50.00", AFTER_LAST));

        ReconciliationResult result = run(rows, payouts, orders);

        assertThat(result.items())
                .extracting(Item::check, Item::reason, Item::reference)
                .containsExactly(
                        tuple(Check.SETTLEMENT_CLOSES, Reason.BALANCED, "S1"),
                        tuple(Check.SETTLEMENT_CLOSES, Reason.BALANCED, "S2"),
                        tuple(Check.PAYOUT_ARRIVES, Reason.MATCHED_BY_ID, "S1"),
                        tuple(Check.PAYOUT_ARRIVES, Reason.MATCHED_BY_ID, "S2"),
                        tuple(Check.ORDERS_COMPLETE, Reason.SETTLED, "C1"),
                        tuple(Check.ORDERS_COMPLETE, Reason.SETTLED, "C3"));
        assertThat(result.runId()).isEqualTo("run-1");
        assertThat(result.account()).isEqualTo("shop");
        assertThat(result.startedAt()).isEqualTo(NOW);
        assertThat(result.balanced()).isTrue();
    }

    @Test
    void aSettlementInTwoReportsCountsOnceFromTheReportWithMostRows() {
        Instant end = FIRST.plusSeconds(3600);
        List<SettlementRow> rows = List.of(
                row("A", "S1", "Capture", "C1", "20.00", end),
                row("B", "S1", "Capture", "C1", "20.00", end),
                row("B", "S1", "Carryover", null, "1.00", end),
                row("B", "S1", "Transfer", null, "-21.00", end),
                row("C", "S1", "Transfer", null, "-20.00", end));

        assertThat(Reconciliation.oneReportPerSettlement(rows))
                .extracting(SettlementRow::reportId)
                .containsOnly("B");
        assertThat(run(rows, List.of(), List.of()).items().get(0).reason()).isEqualTo(Reason.BALANCED);
    }

    @Test
    void onATieOfRowsTheGreatestReportIdIsKept() {
        Instant end = FIRST.plusSeconds(3600);
        List<SettlementRow> rows = List.of(
                row("B", "S1", "Capture", "C1", "20.00", end),
                row("C", "S1", "Capture", "C1", "20.00", end),
                row("A", "S1", "Capture", "C1", "20.00", end),
                row("A", "S2", "Capture", "C2", "5.00", end));

        assertThat(Reconciliation.oneReportPerSettlement(rows))
                .extracting(SettlementRow::reportId, SettlementRow::settlementId)
                .containsExactly(tuple("C", "S1"), tuple("A", "S2"));
    }

    private static Item item(
            Check check, Reason reason, String currency, String expected, String actual, String difference) {
        return new Item(
                check,
                reason,
                "ref",
                currency,
                expected == null ? null : new BigDecimal(expected),
                actual == null ? null : new BigDecimal(actual),
                difference == null ? null : new BigDecimal(difference),
                FIRST,
                null,
                "");
    }

    @Test
    void theAmountAtStakeIsTheDifferenceElseWhicheverSideExists() {
        assertThat(item(Check.PAYOUT_ARRIVES, Reason.PAYOUT_AMOUNT_DIFFERS, "USD", "10", "9", "-1")
                        .amountAtStake())
                .isEqualByComparingTo("-1");
        assertThat(item(Check.PAYOUT_ARRIVES, Reason.PAYOUT_WITHOUT_SETTLEMENT, "USD", null, "12", null)
                        .amountAtStake())
                .isEqualByComparingTo("12");
        assertThat(item(Check.PAYOUT_ARRIVES, Reason.PAYOUT_MISSING, "USD", "7", null, null)
                        .amountAtStake())
                .isEqualByComparingTo("7");
        assertThat(item(Check.PAYOUT_ARRIVES, Reason.PAYOUT_MISSING, "USD", null, null, null)
                        .amountAtStake())
                .isZero();
    }

    @Test
    void aRunSumsUpItsItemsPerCheckStatusAndCurrency() {
        ReconciliationResult result = new ReconciliationResult(
                "run-1",
                "shop",
                FROM,
                TO,
                NOW,
                Tolerances.DEFAULTS,
                List.of(
                        item(Check.SETTLEMENT_CLOSES, Reason.BALANCED, "USD", "5", "5", "0"),
                        item(Check.SETTLEMENT_CLOSES, Reason.UNBALANCED, "USD", "5", "3", "-2"),
                        item(Check.PAYOUT_ARRIVES, Reason.PAYOUT_MISSING, "USD", "7", null, null),
                        item(Check.PAYOUT_ARRIVES, Reason.PAYOUT_WITHOUT_SETTLEMENT, "EUR", null, "1.5", null),
                        item(Check.ORDERS_COMPLETE, Reason.NOT_YET_SETTLED, "EUR", "4", null, null)));

        assertThat(result.balanced()).isFalse();
        assertThat(result.unmatched())
                .extracting(Item::reason)
                .containsExactly(Reason.UNBALANCED, Reason.PAYOUT_MISSING, Reason.PAYOUT_WITHOUT_SETTLEMENT);
        assertThat(result.count(Check.SETTLEMENT_CLOSES, Reason.Status.MATCHED)).isEqualTo(1);
        assertThat(result.count(Check.SETTLEMENT_CLOSES, Reason.Status.UNMATCHED))
                .isEqualTo(1);
        assertThat(result.count(Check.PAYOUT_ARRIVES, Reason.Status.UNMATCHED)).isEqualTo(2);
        assertThat(result.count(Check.PAYOUT_ARRIVES, Reason.Status.MATCHED)).isZero();
        assertThat(result.count(Check.ORDERS_COMPLETE, Reason.Status.PENDING)).isEqualTo(1);
        assertThat(result.unmatchedAmountByCurrency())
                .containsExactly(Map.entry("EUR", new BigDecimal("1.5")), Map.entry("USD", new BigDecimal("9")));
        assertThat(result.unmatchedCountByCurrency()).containsExactly(Map.entry("EUR", 1L), Map.entry("USD", 2L));
    }

    @Test
    void toleranceOfZeroIsAllowedAndNegativeOnesAreRefused() {
        assertThat(new Tolerances(0, 0, 0)).isNotNull();
        assertThatThrownBy(() -> new Tolerances(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tolerances(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tolerances(0, 0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerances must not be negative");
    }
}
