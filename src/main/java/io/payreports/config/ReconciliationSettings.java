package io.payreports.config;

import io.payreports.reconciliation.Tolerances;
import java.util.function.Function;

/** The reconciliation's tolerances (keys under {@code payreports.reconciliation.}). */
final class ReconciliationSettings {

    static final String AMOUNT_TOLERANCE = "payreports.reconciliation.amount-tolerance";
    static final String PAYOUT_WINDOW_DAYS = "payreports.reconciliation.payout-window-days";
    static final String UNSETTLED_CAPTURE_DAYS = "payreports.reconciliation.unsettled-capture-days";

    private ReconciliationSettings() {}

    static Tolerances read(Function<String, String> lookup, PayreportsSettings.KeyLocator locator) {
        PayreportsSettings.Reader r = new PayreportsSettings.Reader(lookup, locator);
        long amount = r.number(AMOUNT_TOLERANCE, Tolerances.DEFAULTS.amountMinorUnits(), 0, 1_000_000);
        long window = r.number(PAYOUT_WINDOW_DAYS, Tolerances.DEFAULTS.payoutWindowDays(), 0, 365);
        long unsettled = r.number(UNSETTLED_CAPTURE_DAYS, Tolerances.DEFAULTS.unsettledCaptureDays(), 0, 3650);
        r.throwIfAny(); // before the record, which refuses what the reader already named
        Tolerances tolerances = new Tolerances(amount, (int) window, (int) unsettled);
        return tolerances;
    }
}
