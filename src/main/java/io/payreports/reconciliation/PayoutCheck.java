package io.payreports.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Payout arrives: each settlement's Transfer row has a payout, found by the settlement id the payout names, else
 * by the same amount and currency within the date window (the nearest in time); each payout counts for one
 * settlement. A payout both sources recorded (an Amazon Pay disbursement and the SP-API Transfer naming its
 * settlement or disbursement) is one payout: matched once, and both records must carry the amount. Payouts of the
 * reconciled days that no settlement took are reported too.
 */
final class PayoutCheck {

    private PayoutCheck() {}

    /**
     * @param transfers the settlements' Transfer rows
     * @param payouts   the stored payouts around the reconciled days
     * @param from      first instant of the reconciled days; payouts before it are only candidates
     * @param until     end (exclusive) of the reconciled days
     */
    static List<Item> check(
            List<SettlementRow> transfers, List<Payout> payouts, Instant from, Instant until, Tolerances tolerances) {
        Set<Payout> unused = new LinkedHashSet<>(payouts);
        List<Item> items = new ArrayList<>();
        for (SettlementRow transfer : transfers) {
            Amount expected = transfer.net().negate();
            if (expected.value().signum() == 0) {
                items.add(item(Reason.NOTHING_TO_PAY, transfer, expected, null, "transfer of zero"));
                continue;
            }
            Optional<Payout> byId = unused.stream()
                    .filter(payout -> transfer.settlementId().equals(payout.settlementId())
                            && payout.amount().currency().equals(expected.currency()))
                    .findFirst();
            if (byId.isPresent()) {
                unused.remove(byId.get());
                List<Payout> records = new ArrayList<>(List.of(byId.get()));
                records.addAll(sameMoney(byId.get(), unused));
                // the item shows the first record that differs, if any: its amount and difference are the news
                Optional<Payout> differing = records.stream()
                        .filter(payout ->
                                !payout.amount().minus(expected).withinTolerance(tolerances.amountMinorUnits()))
                        .findFirst();
                items.add(item(
                        differing.isPresent() ? Reason.PAYOUT_AMOUNT_DIFFERS : Reason.MATCHED_BY_ID,
                        transfer,
                        expected,
                        differing.orElse(byId.get()),
                        describe(byId.get(), records.subList(1, records.size()))));
                continue;
            }
            Duration window = Duration.ofDays(tolerances.payoutWindowDays());
            Optional<Payout> byAmount = unused.stream()
                    .filter(payout -> payout.amount().currency().equals(expected.currency())
                            && payout.amount().minus(expected).withinTolerance(tolerances.amountMinorUnits())
                            && distance(payout, transfer).compareTo(window) <= 0)
                    .min(Comparator.comparing(payout -> distance(payout, transfer)));
            byAmount.ifPresent(unused::remove);
            items.add(byAmount.map(payout -> item(
                            Reason.MATCHED_BY_AMOUNT,
                            transfer,
                            expected,
                            payout,
                            describe(payout, sameMoney(payout, unused))))
                    .orElseGet(() -> item(
                            Reason.PAYOUT_MISSING,
                            transfer,
                            expected,
                            null,
                            "transfer at " + transfer.where() + ", none within " + tolerances.payoutWindowDays()
                                    + " days")));
        }
        unused.stream()
                .filter(payout -> !payout.time().isBefore(from) && payout.time().isBefore(until))
                .forEach(payout -> items.add(new Item(
                        Check.PAYOUT_ARRIVES,
                        Payout.SPAPI_TRANSFER.equals(payout.source())
                                ? Reason.TRANSFER_WITHOUT_SETTLEMENT
                                : Reason.PAYOUT_WITHOUT_SETTLEMENT,
                        payout.id(),
                        payout.amount().currency(),
                        null,
                        payout.amount().value(),
                        null,
                        payout.time(),
                        payout.timeRaw(),
                        payout.describe()
                                + (payout.settlementId() == null ? "" : ", settlement " + payout.settlementId()))));
        return items;
    }

    /**
     * Takes out of {@code unused} the records other sources keep of the same payout (an Amazon Pay disbursement and
     * the SP-API Transfer naming it): one payout, matched once, not a second payout without a settlement.
     */
    private static List<Payout> sameMoney(Payout payout, Set<Payout> unused) {
        List<Payout> same = unused.stream().filter(payout::sameMoneyAs).toList();
        same.forEach(unused::remove);
        return same;
    }

    private static String describe(Payout payout, List<Payout> seenAlso) {
        StringBuilder text = new StringBuilder(payout.describe());
        seenAlso.forEach(other -> text.append("; also ").append(other.describe()));
        return text.toString();
    }

    private static Duration distance(Payout payout, SettlementRow transfer) {
        return Duration.between(transfer.posted(), payout.time()).abs();
    }

    private static Item item(Reason reason, SettlementRow transfer, Amount expected, Payout payout, String detail) {
        return new Item(
                Check.PAYOUT_ARRIVES,
                reason,
                transfer.settlementId(),
                expected.currency(),
                expected.value(),
                payout == null ? null : payout.amount().value(),
                payout == null ? null : payout.amount().minus(expected).value(),
                transfer.posted(),
                transfer.postedRaw(),
                detail);
    }
}
