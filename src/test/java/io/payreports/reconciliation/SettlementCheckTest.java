package io.payreports.reconciliation;

import static io.payreports.reconciliation.Rows.END;
import static io.payreports.reconciliation.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementCheckTest {

    private static final Instant LATE = END.plusSeconds(60);

    @Test
    void openingBalancePlusNetsEqualToTheTransferCloses() {
        List<Item> items = SettlementCheck.check(
                List.of(
                        row("S1", "Carryover", "10.00", "USD", 0),
                        row("S1", "Capture", "970.70", "USD", 1),
                        row("S1", "Refund", "-31.46", "USD", 2),
                        row("S1", "Transfer", "-949.24", "USD", 3)),
                Tolerances.DEFAULTS);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.reason()).isEqualTo(Reason.BALANCED);
            assertThat(item.expected()).isEqualByComparingTo("949.24");
            assertThat(item.actual()).isEqualByComparingTo("949.24");
            assertThat(item.difference()).isZero();
            assertThat(item.unmatched()).isFalse();
        });
    }

    @Test
    void eachCurrencyOfASettlementClosesOnItsOwn() {
        List<Item> items = SettlementCheck.check(
                List.of(
                        row("S1", "Capture", "100", "JPY", 1),
                        row("S1", "Capture", "5.00", "EUR", 2),
                        row("S1", "Transfer", "-100", "JPY", 3),
                        row("S1", "Transfer", "-5.01", "EUR", 4)),
                Tolerances.DEFAULTS);

        assertThat(items)
                .extracting(Item::currency, Item::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("JPY", Reason.BALANCED),
                        org.assertj.core.groups.Tuple.tuple("EUR", Reason.UNBALANCED));
    }

    @Test
    void aDifferenceWithinTheToleranceBalancesAndOneBeyondDoesNot() {
        List<SettlementRow> rows =
                List.of(row("S1", "Capture", "10.00", "USD", 1), row("S1", "Transfer", "-9.99", "USD", 2));

        assertThat(SettlementCheck.check(rows, new Tolerances(1, 5, 14)).get(0).reason())
                .isEqualTo(Reason.BALANCED);
        assertThat(SettlementCheck.check(rows, new Tolerances(0, 5, 14)).get(0)).satisfies(item -> {
            assertThat(item.reason()).isEqualTo(Reason.UNBALANCED);
            assertThat(item.difference()).isEqualByComparingTo("0.01");
        });
    }

    @Test
    void aReserveTheTransferLeftOutExplainsTheDifference() {
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Reserve", "-10.00", "USD", 2),
                                row("S1", "Transfer", "-100.00", "USD", 3)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.RESERVE_HELD);
        assertThat(item.difference()).isEqualByComparingTo("-10.00");
        assertThat(item.detail())
                .endsWith("; explained by Reserve -10.00 USD at report R-S1 line "
                        + END.minusSeconds(3600).plusSeconds(120).getEpochSecond() % 100_000);
    }

    @Test
    void rowsPostedAfterTheTransferAreNamedByTheirType() {
        assertThat(lateRow("Refund")).isEqualTo(Reason.REFUND_NEXT_PERIOD);
        assertThat(lateRow("Adjustments")).isEqualTo(Reason.FEE_ADJUSTED_LATER);
        assertThat(lateRow("Chargeback")).isEqualTo(Reason.POSTED_AFTER_TRANSFER);
    }

    @Test
    void aRowOfTheDifferencePostedBeforeTheTransferExplainsNothing() {
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Refund", "-7.00", "USD", 2),
                                row("S1", "Transfer", "-100.00", "USD", 3)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.UNBALANCED);
    }

    @Test
    void aPeriodWithoutTransferIsPending() {
        Item item = SettlementCheck.check(List.of(row("S1", "Capture", "100.00", "USD", 1)), Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.NO_TRANSFER);
        assertThat(item.status()).isEqualTo(Reason.Status.PENDING);
        assertThat(item.actual()).isEqualByComparingTo("100.00");
    }

    private static Reason lateRow(String type) {
        return SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Transfer", "-100.00", "USD", 2),
                                row("S1", type, "-3.10", "USD", 3)),
                        Tolerances.DEFAULTS)
                .get(0)
                .reason();
    }

    @Test
    void aBalancedPeriodsDifferenceIsExactlyZeroWhateverTheScaleOfItsRows() {
        Item item = SettlementCheck.check(
                        List.of(row("S1", "Capture", "100.00", "USD", 1), row("S1", "Transfer", "-100", "USD", 2)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.difference()).isEqualTo(BigDecimal.ZERO);
        assertThat(item.reference()).isEqualTo("S1");
        assertThat(item.when()).isEqualTo(END.minusSeconds(3600).plusSeconds(120));
        assertThat(item.detail()).isEqualTo("2 rows (R-S1), net 100.00 USD, transferred 100.00 USD");
    }

    @Test
    void theExplainingRowIsNamedWithItsPlaceAndTransactionId() {
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Transfer", "-100.00", "USD", 2),
                                row("S1", "Refund", "R7", "-3.10", "USD", LATE)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.REFUND_NEXT_PERIOD);
        assertThat(item.detail())
                .isEqualTo("3 rows (R-S1), net 96.90 USD, transferred 100.00 USD; explained by Refund -3.10 USD at"
                        + " report R-S1 line " + LATE.getEpochSecond() % 100_000 + " (R7)");
    }

    @Test
    void ofTwoRowsOfTheDifferenceTheLaterExplainsIt() {
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Refund", "-5.00", "USD", 2),
                                row("S1", "Transfer", "-95.00", "USD", 3),
                                row("S1", "Refund", "-5.00", "USD", 4)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.REFUND_NEXT_PERIOD);
        assertThat(item.difference()).isEqualByComparingTo("-5.00");
    }

    @Test
    void noRowExplainsADifferenceNoSingleRowMakes() {
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Transfer", "-100.00", "USD", 2),
                                row("S1", "Refund", "-3.10", "USD", 3),
                                row("S1", "Adjustments", "-1.00", "USD", 4)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.UNBALANCED);
        assertThat(item.difference()).isEqualByComparingTo("-4.10");
        assertThat(item.detail()).doesNotContain("explained by");
    }

    @Test
    void theTransferRowNeverExplainsItsOwnPeriod() {
        // the rows net to zero: the whole transfer is the difference, and the Transfer row's net equals it
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Refund", "-60.00", "USD", 2),
                                row("S1", "Refund", "-40.00", "USD", 3),
                                row("S1", "Transfer", "-100.00", "USD", 4)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.UNBALANCED);
        assertThat(item.detail()).doesNotContain("explained by");
    }

    @Test
    void aRowOfTheDifferencePostedBeforeTheTransferIsNamedButDoesNotExplainIt() {
        Item item = SettlementCheck.check(
                        List.of(
                                row("S1", "Capture", "100.00", "USD", 1),
                                row("S1", "Refund", "-3.10", "USD", 2),
                                row("S1", "Transfer", "-100.00", "USD", 3)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.UNBALANCED);
        assertThat(item.detail())
                .doesNotContain("explained by")
                .contains("; the difference equals a row posted before the transfer: Refund -3.10 USD at");
    }
}
