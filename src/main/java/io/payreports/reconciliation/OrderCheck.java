package io.payreports.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders are complete: each capture and refund of the transaction reports appears in a settlement under its id
 * (the row's AmazonTransactionId), for the same amount (a refund's settlement row is negative), with the fee
 * Amazon took. One that no settlement holds yet is pending until the unsettled-capture days have passed.
 */
final class OrderCheck {

    private OrderCheck() {}

    static List<Item> check(
            List<OrderTransaction> transactions, List<SettlementRow> settled, Instant now, Tolerances tolerances) {
        Map<String, SettlementRow> byTransactionId = new HashMap<>();
        for (SettlementRow row : settled) {
            if (row.amazonTransactionId() != null) {
                byTransactionId.put(row.amazonTransactionId(), row);
            }
        }
        Duration unsettledAfter = Duration.ofDays(tolerances.unsettledCaptureDays());
        List<Item> items = new ArrayList<>();
        for (OrderTransaction transaction : transactions) {
            SettlementRow row = byTransactionId.get(transaction.id());
            if (row == null
                    || !row.amount().currency().equals(transaction.amount().currency())) {
                boolean overdue = transaction.created().plus(unsettledAfter).isBefore(now);
                items.add(item(
                        overdue ? Reason.NOT_SETTLED : Reason.NOT_YET_SETTLED,
                        transaction,
                        null,
                        transaction.kind() + " of " + transaction.amount() + ", order "
                                + transaction.orderReferenceId()));
                continue;
            }
            // settlement rows carry the money's direction; the transaction reports write both kinds positive
            Amount settledAmount = transaction.kind() == OrderTransaction.Kind.REFUND
                    ? row.amount().negate()
                    : row.amount();
            boolean same = settledAmount.minus(transaction.amount()).withinTolerance(tolerances.amountMinorUnits());
            items.add(item(
                    same ? Reason.SETTLED : Reason.SETTLED_AMOUNT_DIFFERS,
                    transaction,
                    settledAmount,
                    "settlement " + row.settlementId() + " at " + row.where() + ", fee " + row.totalFee() + ", net "
                            + row.net()));
        }
        return items;
    }

    private static Item item(Reason reason, OrderTransaction transaction, Amount settled, String detail) {
        return new Item(
                Check.ORDERS_COMPLETE,
                reason,
                transaction.id(),
                transaction.amount().currency(),
                transaction.amount().value(),
                settled == null ? null : settled.value(),
                settled == null ? null : settled.minus(transaction.amount()).value(),
                transaction.created(),
                transaction.createdRaw(),
                detail);
    }
}
