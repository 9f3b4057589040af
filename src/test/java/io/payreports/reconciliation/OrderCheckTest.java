package io.payreports.reconciliation;

import static io.payreports.reconciliation.Rows.END;
import static io.payreports.reconciliation.Rows.money;
import static io.payreports.reconciliation.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCheckTest {

    private static final Instant CREATED = END.minus(Duration.ofDays(3));

    private static OrderTransaction capture(String id, String amount, String currency, Instant created) {
        return new OrderTransaction(
                OrderTransaction.Kind.CAPTURE, id, "P01-1", money(amount, currency), created, created.toString());
    }

    @Test
    void aCaptureInASettlementWithTheSameAmountIsSettledWithItsFee() {
        SettlementRow settled = new SettlementRow(
                "R1",
                7,
                "S1",
                END,
                "Capture",
                "C1",
                "P01-1",
                money("1000.00", "USD"),
                money("-29.30", "USD"),
                money("970.70", "USD"),
                END,
                "raw");

        Item item = OrderCheck.check(
                        List.of(capture("C1", "1000", "USD", CREATED)), List.of(settled), END, Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.SETTLED);
        assertThat(item.detail()).contains("settlement S1", "fee -29.30 USD", "net 970.70 USD");
    }

    @Test
    void aRefundSettlesAsANegativeRow() {
        OrderTransaction refund =
                new OrderTransaction(OrderTransaction.Kind.REFUND, "R1", "P01-1", money("32.40", "EUR"), CREATED, null);

        assertThat(OrderCheck.check(
                                List.of(refund),
                                List.of(row("S1", "Refund", "R1", "-32.40", "EUR", END)),
                                END,
                                Tolerances.DEFAULTS)
                        .get(0)
                        .reason())
                .isEqualTo(Reason.SETTLED);
        assertThat(OrderCheck.check(
                                List.of(refund),
                                List.of(row("S1", "Refund", "R1", "-30.00", "EUR", END)),
                                END,
                                Tolerances.DEFAULTS)
                        .get(0))
                .satisfies(item -> {
                    assertThat(item.reason()).isEqualTo(Reason.SETTLED_AMOUNT_DIFFERS);
                    assertThat(item.difference()).isEqualByComparingTo("-2.40");
                });
    }

    @Test
    void anUnsettledCaptureIsPendingUntilTheUnsettledDaysHavePassed() {
        Tolerances tolerances = new Tolerances(0, 5, 3);
        OrderTransaction capture = capture("C1", "5", "JPY", CREATED);

        assertThat(OrderCheck.check(List.of(capture), List.of(), CREATED.plus(Duration.ofDays(3)), tolerances)
                        .get(0)
                        .reason())
                .isEqualTo(Reason.NOT_YET_SETTLED);
        assertThat(OrderCheck.check(
                                List.of(capture),
                                List.of(),
                                CREATED.plus(Duration.ofDays(3)).plusSeconds(1),
                                tolerances)
                        .get(0)
                        .reason())
                .isEqualTo(Reason.NOT_SETTLED);
    }

    @Test
    void aSettlementRowInAnotherCurrencyIsNotTheCapturesSettlement() {
        assertThat(OrderCheck.check(
                                List.of(capture("C1", "5", "JPY", CREATED)),
                                List.of(row("S1", "Capture", "C1", "5", "USD", END)),
                                END,
                                Tolerances.DEFAULTS)
                        .get(0)
                        .reason())
                .isEqualTo(Reason.NOT_YET_SETTLED);
    }

    @Test
    void aSettledRefundShowsWhatTheSettlementPaidBackAsPositive() {
        OrderTransaction refund = new OrderTransaction(
                OrderTransaction.Kind.REFUND, "R1", "P01-1", money("32.40", "EUR"), CREATED, "raw");

        assertThat(OrderCheck.check(
                        List.of(refund),
                        List.of(row("S1", "Refund", "R1", "-32.40", "EUR", END)),
                        END,
                        Tolerances.DEFAULTS))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.reference()).isEqualTo("R1");
                    assertThat(item.expected()).isEqualByComparingTo("32.40");
                    assertThat(item.actual()).isEqualByComparingTo("32.40");
                    assertThat(item.difference()).isEqualByComparingTo("0");
                    assertThat(item.when()).isEqualTo(CREATED);
                    assertThat(item.whenRaw()).isEqualTo("raw");
                });
    }

    @Test
    void aCaptureWithoutIdIsNeverTakenForARowWithoutOne() {
        // Transfer and Carryover rows have no AmazonTransactionId; a capture row that lost its id must not match them
        OrderTransaction withoutId = capture(null, "100.00", "USD", CREATED);

        assertThat(OrderCheck.check(
                        List.of(withoutId),
                        List.of(row("S1", "Transfer", null, "-100.00", "USD", END)),
                        END,
                        Tolerances.DEFAULTS))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.reason()).isEqualTo(Reason.NOT_YET_SETTLED);
                    assertThat(item.actual()).isNull();
                    assertThat(item.difference()).isNull();
                    assertThat(item.detail()).isEqualTo("CAPTURE of 100.00 USD, order P01-1");
                });
    }
}
