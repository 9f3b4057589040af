package io.payreports.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settlement closes: per settlement and currency, the opening balance (the Carryover row) plus the net of every
 * other row must cancel the Transfer row, which moves the balance to the bank (negative when paid out). What is
 * left over is the difference; a single row whose net is exactly that difference explains it.
 */
final class SettlementCheck {

    private static final String RESERVE = "Reserve";
    private static final String REFUND = "Refund";
    private static final String ADJUSTMENTS = "Adjustments";

    private SettlementCheck() {}

    static List<Item> check(List<SettlementRow> rows, Tolerances tolerances) {
        Map<String, List<SettlementRow>> periods = rows.stream()
                .collect(Collectors.groupingBy(
                        row -> row.settlementId() + ' ' + row.amount().currency(),
                        LinkedHashMap::new,
                        Collectors.toList()));
        List<Item> items = new ArrayList<>();
        periods.values().forEach(period -> items.add(period(period, tolerances)));
        return items;
    }

    private static Item period(List<SettlementRow> rows, Tolerances tolerances) {
        SettlementRow first = rows.get(0);
        String currency = first.amount().currency();
        Optional<SettlementRow> transfer =
                rows.stream().filter(SettlementRow::isTransfer).reduce((a, b) -> b);
        Amount rowsNet = rows.stream()
                .filter(row -> !row.isTransfer())
                .map(SettlementRow::net)
                .reduce(Amount.zero(currency), Amount::plus);
        if (transfer.isEmpty()) {
            return new Item(
                    Check.SETTLEMENT_CLOSES,
                    Reason.NO_TRANSFER,
                    first.settlementId(),
                    currency,
                    null,
                    rowsNet.value(),
                    null,
                    first.settlementEnd(),
                    null,
                    rows.size() + " rows, net " + rowsNet);
        }
        // the amount that went to the bank, positive when paid out
        Amount transferred = transfer.get().net().negate();
        Amount difference = rowsNet.minus(transferred);
        String detail =
                rows.size() + " rows (" + first.reportId() + "), net " + rowsNet + ", transferred " + transferred;
        if (difference.withinTolerance(tolerances.amountMinorUnits())) {
            return item(Reason.BALANCED, rows, transfer.get(), rowsNet, transferred, difference, detail);
        }
        Optional<SettlementRow> explaining = rows.stream()
                .filter(row -> !row.isTransfer() && row.net().sameValue(difference))
                .reduce((a, b) -> b);
        Reason reason = explaining.map(row -> reason(row, transfer.get())).orElse(Reason.UNBALANCED);
        return item(
                reason,
                rows,
                transfer.get(),
                rowsNet,
                transferred,
                difference,
                explaining
                        // a row of exactly the difference posted before the transfer does not explain it (the
                        // transfer should have included it): it is named as the row to look at, not as the cause
                        .map(row -> detail
                                + (reason == Reason.UNBALANCED
                                        ? "; the difference equals a row posted before the transfer: "
                                        : "; explained by ")
                                + row.transactionType() + ' ' + row.net() + " at "
                                + row.where()
                                + (row.amazonTransactionId() == null ? "" : " (" + row.amazonTransactionId() + ')'))
                        .orElse(detail));
    }

    private static Reason reason(SettlementRow row, SettlementRow transfer) {
        if (RESERVE.equals(row.transactionType())) {
            return Reason.RESERVE_HELD;
        }
        if (!row.posted().isAfter(transfer.posted())) {
            return Reason.UNBALANCED;
        }
        return switch (row.transactionType()) {
            case REFUND -> Reason.REFUND_NEXT_PERIOD;
            case ADJUSTMENTS -> Reason.FEE_ADJUSTED_LATER;
            default -> Reason.POSTED_AFTER_TRANSFER;
        };
    }

    private static Item item(
            Reason reason,
            List<SettlementRow> rows,
            SettlementRow transfer,
            Amount rowsNet,
            Amount transferred,
            Amount difference,
            String detail) {
        return new Item(
                Check.SETTLEMENT_CLOSES,
                reason,
                rows.get(0).settlementId(),
                rowsNet.currency(),
                rowsNet.value(),
                transferred.value(),
                difference.value().signum() == 0 ? BigDecimal.ZERO : difference.value(),
                transfer.posted(),
                transfer.postedRaw(),
                detail);
    }
}
