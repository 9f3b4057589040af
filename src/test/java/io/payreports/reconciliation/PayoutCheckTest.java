package io.payreports.reconciliation;

import static io.payreports.reconciliation.Rows.END;
import static io.payreports.reconciliation.Rows.disbursement;
import static io.payreports.reconciliation.Rows.money;
import static io.payreports.reconciliation.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutCheckTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");

    private static List<Item> check(List<SettlementRow> transfers, List<Payout> payouts, Tolerances tolerances) {
        return PayoutCheck.check(transfers, payouts, FROM, UNTIL, tolerances);
    }

    @Test
    void aDisbursementNamingTheSettlementMatchesById() {
        List<Item> items = check(
                List.of(row("S1", "Transfer", "-949.24", "USD", 1)),
                List.of(disbursement("D1", "S1", "949.24", "USD", END)),
                Tolerances.DEFAULTS);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.reason()).isEqualTo(Reason.MATCHED_BY_ID);
            assertThat(item.difference()).isZero();
        });
    }

    @Test
    void aDisbursementOfTheSettlementWithAnotherAmountDiffers() {
        Item item = check(
                        List.of(row("S1", "Transfer", "-949.24", "USD", 1)),
                        List.of(disbursement("D1", "S1", "940.00", "USD", END)),
                        Tolerances.DEFAULTS)
                .get(0);

        assertThat(item.reason()).isEqualTo(Reason.PAYOUT_AMOUNT_DIFFERS);
        assertThat(item.difference()).isEqualByComparingTo("-9.24");
    }

    @Test
    void withoutIdThePayoutOfTheSameAmountAndCurrencyNearestInTimeMatches() {
        Payout far = new Payout(
                Payout.SPAPI_TRANSFER, "T-far", null, money("1000", "JPY"), END.plus(Duration.ofDays(4)), "raw");
        Payout near = new Payout(
                Payout.SPAPI_TRANSFER, "T-near", null, money("1000.00", "JPY"), END.plus(Duration.ofDays(1)), "raw");
        Payout otherCurrency = new Payout(Payout.SPAPI_TRANSFER, "T-usd", null, money("1000", "USD"), END, "raw");

        List<Item> items = check(
                List.of(row("S1", "Transfer", "-1000", "JPY", 1)),
                List.of(far, near, otherCurrency),
                Tolerances.DEFAULTS);

        assertThat(items.get(0).reason()).isEqualTo(Reason.MATCHED_BY_AMOUNT);
        assertThat(items.get(0).detail()).contains("T-near");
        // the payouts no Amazon Pay settlement took: SP-API ones are pending, not differences
        assertThat(items.subList(1, items.size()))
                .extracting(Item::reference, Item::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("T-far", Reason.TRANSFER_WITHOUT_SETTLEMENT),
                        org.assertj.core.groups.Tuple.tuple("T-usd", Reason.TRANSFER_WITHOUT_SETTLEMENT));
    }

    @Test
    void aPayoutOutsideTheWindowDoesNotMatch() {
        Payout late = disbursement("D1", null, "50.00", "EUR", END.plus(Duration.ofDays(6)));
        SettlementRow transfer = row("S1", "Transfer", "-50.00", "EUR", 1);

        assertThat(check(List.of(transfer), List.of(late), new Tolerances(0, 5, 14)))
                .extracting(Item::reason)
                .containsExactly(Reason.PAYOUT_MISSING, Reason.PAYOUT_WITHOUT_SETTLEMENT);
        assertThat(check(List.of(transfer), List.of(late), new Tolerances(0, 7, 14)))
                .extracting(Item::reason)
                .containsExactly(Reason.MATCHED_BY_AMOUNT);
    }

    @Test
    void eachPayoutCountsForOneSettlement() {
        List<Item> items = check(
                List.of(row("S1", "Transfer", "-20.00", "GBP", 1), row("S2", "Transfer", "-20.00", "GBP", 2)),
                List.of(disbursement("D1", null, "20.00", "GBP", END)),
                Tolerances.DEFAULTS);

        assertThat(items).extracting(Item::reason).containsExactly(Reason.MATCHED_BY_AMOUNT, Reason.PAYOUT_MISSING);
    }

    @Test
    void aZeroTransferNeedsNoPayoutAndAStrayDisbursementIsADifference() {
        List<Item> items = check(
                List.of(row("S1", "Transfer", "0.00", "USD", 1)),
                List.of(disbursement("D9", "S9", "12.00", "USD", END)),
                Tolerances.DEFAULTS);

        assertThat(items)
                .extracting(Item::reason)
                .containsExactly(Reason.NOTHING_TO_PAY, Reason.PAYOUT_WITHOUT_SETTLEMENT);
        assertThat(items.get(1).unmatched()).isTrue();
    }

    @Test
    void payoutsBeforeTheReconciledDaysAreOnlyCandidates() {
        Payout earlier = disbursement("D0", "S0", "5.00", "USD", FROM.minusSeconds(1));

        assertThat(check(List.of(), List.of(earlier), Tolerances.DEFAULTS)).isEmpty();
    }

    @Test
    void aMatchShowsThePayoutsAmountAndWhatItPaid() {
        SettlementRow transfer = row("S1", "Transfer", "-949.24", "USD", 1);

        assertThat(check(
                        List.of(transfer),
                        List.of(disbursement("D1", "S1", "949.24", "USD", END)),
                        Tolerances.DEFAULTS))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.reference()).isEqualTo("S1");
                    assertThat(item.expected()).isEqualByComparingTo("949.24");
                    assertThat(item.actual()).isEqualByComparingTo("949.24");
                    assertThat(item.when()).isEqualTo(transfer.posted());
                    assertThat(item.detail()).isEqualTo("amazonpay-disbursement D1 of 949.24 USD at " + END);
                });
    }

    @Test
    void aPayoutNamingTheSettlementInAnotherCurrencyIsNotItsPayout() {
        assertThat(check(
                        List.of(row("S1", "Transfer", "-50.00", "EUR", 1)),
                        List.of(disbursement("D1", "S1", "50.00", "USD", END)),
                        Tolerances.DEFAULTS))
                .extracting(Item::reason)
                .containsExactly(Reason.PAYOUT_MISSING, Reason.PAYOUT_WITHOUT_SETTLEMENT);
    }

    @Test
    void byAmountOnlyTheSameAmountWithinTheToleranceMatches() {
        SettlementRow transfer = row("S1", "Transfer", "-50.00", "EUR", 1);
        Payout payout = disbursement("D1", null, "50.02", "EUR", END);

        assertThat(check(List.of(transfer), List.of(payout), new Tolerances(1, 5, 14)))
                .extracting(Item::reason)
                .containsExactly(Reason.PAYOUT_MISSING, Reason.PAYOUT_WITHOUT_SETTLEMENT);
        assertThat(check(List.of(transfer), List.of(payout), new Tolerances(2, 5, 14)))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.reason()).isEqualTo(Reason.MATCHED_BY_AMOUNT);
                    assertThat(item.difference()).isEqualByComparingTo("0.02");
                });
    }

    @Test
    void aPayoutExactlyAtTheEdgeOfTheWindowMatches() {
        SettlementRow transfer = row("S1", "Transfer", "-50.00", "EUR", 1);
        Payout atEdge =
                disbursement("D1", null, "50.00", "EUR", transfer.posted().plus(Duration.ofDays(5)));

        assertThat(check(List.of(transfer), List.of(atEdge), Tolerances.DEFAULTS))
                .extracting(Item::reason)
                .containsExactly(Reason.MATCHED_BY_AMOUNT);
    }

    @Test
    void aStrayPayoutIsReportedWithinTheReconciledDaysOnlyAndNamesItsSettlement() {
        Payout first = disbursement("D1", "S9", "12.00", "USD", FROM);
        Payout unnamed =
                new Payout(Payout.SPAPI_TRANSFER, "T2", null, money("-3", "JPY"), END, "2026-03-15T16:00:00+01:00");
        Payout afterwards = disbursement("D3", "S8", "7.00", "USD", UNTIL);

        List<Item> items = check(List.of(), List.of(first, unnamed, afterwards), Tolerances.DEFAULTS);

        assertThat(items).extracting(Item::reference).containsExactly("D1", "T2");
        assertThat(items.get(0)).satisfies(item -> {
            assertThat(item.reason()).isEqualTo(Reason.PAYOUT_WITHOUT_SETTLEMENT);
            assertThat(item.expected()).isNull();
            assertThat(item.actual()).isEqualByComparingTo("12.00");
            assertThat(item.difference()).isNull();
            assertThat(item.when()).isEqualTo(FROM);
            assertThat(item.detail())
                    .isEqualTo("amazonpay-disbursement D1 of 12.00 USD at " + FROM + ", settlement S9");
        });
        assertThat(items.get(1)).satisfies(item -> {
            assertThat(item.reason()).isEqualTo(Reason.TRANSFER_WITHOUT_SETTLEMENT);
            assertThat(item.whenRaw()).isEqualTo("2026-03-15T16:00:00+01:00");
            assertThat(item.detail()).isEqualTo("spapi-transfer T2 of -3 JPY at 2026-03-15T16:00:00+01:00");
        });
    }

    @Test
    void aDisbursementAndTheSpApiTransferNamingItAreOnePayoutMatchedOnce() {
        Payout transfer = new Payout(Payout.SPAPI_TRANSFER, "TR1", "S1", money("949.24", "USD"), END, "raw", "DISB-S1");
        Payout namingOnlyTheDisbursement =
                new Payout(Payout.SPAPI_TRANSFER, "TR2", null, money("20.00", "USD"), END, "raw", "D2");

        List<Item> items = check(
                List.of(row("S1", "Transfer", "-949.24", "USD", 1), row("S2", "Transfer", "-20.00", "USD", 2)),
                List.of(
                        disbursement("DISB-S1", "S1", "949.24", "USD", END),
                        new Payout(Payout.AMAZONPAY_DISBURSEMENT, "D2", "S2", money("20.00", "USD"), END, null, "D2"),
                        transfer,
                        namingOnlyTheDisbursement),
                Tolerances.DEFAULTS);

        assertThat(items).extracting(Item::reason).containsExactly(Reason.MATCHED_BY_ID, Reason.MATCHED_BY_ID);
        assertThat(items.get(0).detail()).contains("DISB-S1", "also spapi-transfer TR1");
        assertThat(items.get(1).detail()).contains("also spapi-transfer TR2");
    }

    @Test
    void theSamePayoutWithAnotherAmountInTheOtherSourceDiffers() {
        List<Item> items = check(
                List.of(row("S1", "Transfer", "-949.24", "USD", 1)),
                List.of(
                        disbursement("DISB-S1", "S1", "949.24", "USD", END),
                        new Payout(Payout.SPAPI_TRANSFER, "TR1", "S1", money("949.00", "USD"), END, "raw", null)),
                Tolerances.DEFAULTS);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.reason()).isEqualTo(Reason.PAYOUT_AMOUNT_DIFFERS);
            assertThat(item.detail()).contains("TR1 of 949.00 USD");
            assertThat(item.actual()).isEqualByComparingTo("949.00");
            assertThat(item.difference()).isEqualByComparingTo("-0.24");
        });
    }
}
