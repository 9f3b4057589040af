package io.payreports.simulator;

import io.payreports.spapi.LwaCredentials;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How the SP-API simulator runs.
 *
 * @param port             127.0.0.1 port, 0 for any free one (ignored when mounted on the Amazon Pay simulator)
 * @param seed             the data seed: the same seed serves the same transactions
 * @param days             days of transaction history before now
 * @param credentials      the only LWA client and refresh token accepted; empty accepts any non-blank ones
 * @param pageSize         transactions per listTransactions page
 * @param nextTokenLifetime how long a nextToken is accepted after it was handed out
 * @param rejectNextTokens how many of the next requests that carry a nextToken are answered "expired" (a fault)
 */
public record SpApiSimulatorOptions(int port, long seed, int days, Clock clock, Optional<LwaCredentials> credentials,
                                    int pageSize, Duration nextTokenLifetime, int rejectNextTokens) {

    public static SpApiSimulatorOptions of(int port, Clock clock) {
        return new SpApiSimulatorOptions(port, SimulatorOptions.DEFAULT_SEED, 400, clock, Optional.empty(), 100, Duration.ofMinutes(10), 0);
    }

    public SpApiSimulatorOptions withCredentials(LwaCredentials expected) {
        return new SpApiSimulatorOptions(port, seed, days, clock, Optional.of(expected), pageSize, nextTokenLifetime, rejectNextTokens);
    }

    public SpApiSimulatorOptions withRejectedNextTokens(int count) {
        return new SpApiSimulatorOptions(port, seed, days, clock, credentials, pageSize, nextTokenLifetime, count);
    }

    public SpApiSimulatorOptions withDays(int newDays) {
        return new SpApiSimulatorOptions(port, seed, newDays, clock, credentials, pageSize, nextTokenLifetime, rejectNextTokens);
    }

    public SpApiSimulatorOptions withSeed(long newSeed) {
        return new SpApiSimulatorOptions(port, newSeed, days, clock, credentials, pageSize, nextTokenLifetime, rejectNextTokens);
    }
}
