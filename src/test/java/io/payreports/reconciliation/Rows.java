package io.payreports.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;

/** Settlement rows, payouts and transactions for the check tests, in a line each. */
final class Rows {

    static final Instant END = Instant.parse("2026-03-15T15:00:00Z");

    private Rows() {}

    static Amount money(String value, String currency) {
        return new Amount(new BigDecimal(value), currency);
    }

    static SettlementRow row(String settlement, String type, String id, String net, String currency, Instant posted) {
        return new SettlementRow(
                "R-" + settlement,
                posted.getEpochSecond() % 100_000,
                settlement,
                END,
                type,
                id,
                id == null ? null : "P01-" + id,
                money(net, currency),
                money("0", currency),
                money(net, currency),
                posted,
                posted.toString());
    }

    static SettlementRow row(String settlement, String type, String net, String currency, int minute) {
        return row(settlement, type, null, net, currency, END.minusSeconds(3600).plusSeconds(60L * minute));
    }

    static Payout disbursement(String id, String settlement, String amount, String currency, Instant time) {
        return new Payout(Payout.AMAZONPAY_DISBURSEMENT, id, settlement, money(amount, currency), time, null);
    }
}
