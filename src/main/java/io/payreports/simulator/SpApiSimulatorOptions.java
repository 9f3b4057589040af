package io.payreports.simulator;

import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiOperation;
import io.payreports.spapi.UsagePlan;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the SP-API simulator runs.
 *
 * @param port              127.0.0.1 port, 0 for any free one (ignored when mounted on the Amazon Pay simulator)
 * @param seed              the data seed: the same seed serves the same transactions
 * @param days              days of transaction history before now
 * @param credentials       the only LWA client and refresh token accepted; empty accepts any non-blank ones
 * @param pageSize          transactions per listTransactions page
 * @param nextTokenLifetime how long a nextToken is accepted after it was handed out
 * @param rejectNextTokens  how many of the next requests that carry a nextToken are answered "expired" (a fault)
 * @param latePostings      the share of transactions (0 to 1) that show up only between a minute and 47 hours after
 *                          their postedDate, as Amazon's may (the Finances reference: "It may take up to 48 hours for transactions to appear")
 * @param faults            injected 429/500/503 answers and slowness on SP-API calls (the simulator command's --faults)
 * @param usagePlans        usage plans that differ from the models' defaults (a seller granted more), by operation
 * @param merchants         the accounts served, each with its LWA client and refresh token, its own transactions,
 *                          payment methods, payouts and usage plans; empty: one seller with {@code credentials}
 */
public record SpApiSimulatorOptions(
        int port,
        long seed,
        int days,
        Clock clock,
        Optional<LwaCredentials> credentials,
        int pageSize,
        Duration nextTokenLifetime,
        int rejectNextTokens,
        double latePostings,
        Faults faults,
        Map<SpApiOperation, UsagePlan> usagePlans,
        List<SimulatedMerchant> merchants) {

    public SpApiSimulatorOptions {
        usagePlans = Map.copyOf(usagePlans);
        merchants = List.copyOf(merchants);
    }

    public static SpApiSimulatorOptions of(int port, Clock clock) {
        return new SpApiSimulatorOptions(
                port,
                SimulatorOptions.DEFAULT_SEED,
                400,
                clock,
                Optional.empty(),
                100,
                Duration.ofMinutes(10),
                0,
                0,
                Faults.none(),
                Map.of(),
                List.of());
    }

    public UsagePlan usagePlan(SpApiOperation operation) {
        return usagePlans.getOrDefault(operation, operation.usagePlan());
    }

    public SpApiSimulatorOptions withUsagePlan(SpApiOperation operation, UsagePlan plan) {
        Map<SpApiOperation, UsagePlan> plans = new EnumMap<>(SpApiOperation.class);
        plans.putAll(usagePlans);
        plans.put(operation, plan);
        return new SpApiSimulatorOptions(
                port,
                seed,
                days,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                latePostings,
                faults,
                plans,
                merchants);
    }

    public SpApiSimulatorOptions withCredentials(LwaCredentials expected) {
        return new SpApiSimulatorOptions(
                port,
                seed,
                days,
                clock,
                Optional.of(expected),
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                latePostings,
                faults,
                usagePlans,
                merchants);
    }

    public SpApiSimulatorOptions withRejectedNextTokens(int count) {
        return new SpApiSimulatorOptions(
                port,
                seed,
                days,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                count,
                latePostings,
                faults,
                usagePlans,
                merchants);
    }

    public SpApiSimulatorOptions withDays(int newDays) {
        return new SpApiSimulatorOptions(
                port,
                seed,
                newDays,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                latePostings,
                faults,
                usagePlans,
                merchants);
    }

    public SpApiSimulatorOptions withSeed(long newSeed) {
        return new SpApiSimulatorOptions(
                port,
                newSeed,
                days,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                latePostings,
                faults,
                usagePlans,
                merchants);
    }

    public SpApiSimulatorOptions withLatePostings(double share) {
        return new SpApiSimulatorOptions(
                port,
                seed,
                days,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                share,
                faults,
                usagePlans,
                merchants);
    }

    public SpApiSimulatorOptions withFaults(Faults newFaults) {
        return new SpApiSimulatorOptions(
                port,
                seed,
                days,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                latePostings,
                newFaults,
                usagePlans,
                merchants);
    }

    /**
     * Serves these accounts instead of the one seller: LWA issues access tokens to each account's client and refresh
     * token only, and an access token sees its account's transactions, payment methods and payouts only.
     */
    public SpApiSimulatorOptions withMerchants(List<SimulatedMerchant> served) {
        return new SpApiSimulatorOptions(
                port,
                seed,
                days,
                clock,
                credentials,
                pageSize,
                nextTokenLifetime,
                rejectNextTokens,
                latePostings,
                faults,
                usagePlans,
                served);
    }
}
