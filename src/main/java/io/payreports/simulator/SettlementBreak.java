package io.payreports.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Breaks the simulator can put into otherwise balanced data (faults {@code missing-disbursement},
 * {@code fee-adjusted-later}, {@code refund-next-period}, {@code held-reserve}), the ones finance teams chase
 * most: each lands in a settlement of its own, counted back from the newest, so several never share one.
 */
public enum SettlementBreak {
    /** getDisbursements leaves out the settlement's payout. */
    MISSING_DISBURSEMENT(0),
    /** A fee adjustment for one of the settlement's captures is posted after the Transfer, which does not include it. */
    FEE_ADJUSTED_LATER(1),
    /** A refund of one of the settlement's captures is posted after the Transfer: the next payout carries it. */
    REFUND_NEXT_PERIOD(2),
    /** A Reserve row the Transfer does not include: Amazon holds that part of the balance. */
    HELD_RESERVE(3);

    /** Which settlement it lands in: 0 the newest, 1 the one before, ... */
    private final int settlementsBack;

    SettlementBreak(int settlementsBack) {
        this.settlementsBack = settlementsBack;
    }

    /** The fault name, e.g. {@code held-reserve}. */
    public String faultName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<SettlementBreak> ofFaultName(String name) {
        return Arrays.stream(values()).filter(b -> b.faultName().equals(name)).findFirst();
    }

    static List<String> faultNames() {
        return Arrays.stream(values()).map(SettlementBreak::faultName).toList();
    }

    /** The settlement of {@code plan} (sorted by end) this break lands in: the newest for the first break, and so on. */
    <T> Optional<T> target(List<T> plan) {
        int index = plan.size() - 1 - settlementsBack;
        return index < 0 ? Optional.empty() : Optional.of(plan.get(index));
    }
}
