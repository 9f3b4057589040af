package io.payreports.spapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * On-demand payouts (seed 004 initiatePayout), which move the seller's money, so: off unless the
 * operator allowed the exact marketplace and account type; refused locally, before Amazon is
 * called, within 24 hours of the pair's last request ({@link PayoutGuard}); and every answer recorded
 * with its payoutReferenceId in the state database and the log.
 */
public class SpApiPayouts {

    private static final Logger LOG = LoggerFactory.getLogger(SpApiPayouts.class);

    private final Supplier<SpApiClient> client;
    private final PayoutGuard guard;
    private final Set<PayoutTarget> allowed;
    private final Clock clock;

    public SpApiPayouts(Supplier<SpApiClient> client, PayoutGuard guard, Set<PayoutTarget> allowed, Clock clock) {
        this.client = client;
        this.guard = guard;
        this.allowed = Set.copyOf(allowed);
        this.clock = clock;
    }

    /**
     * Initiates the payout and answers Amazon's payoutReferenceId.
     *
     * @throws PayoutRefusedException when not allowed, or a payout of the pair was requested less than 24 h ago
     * @throws SpApiException         when Amazon refused it, with what the error code means
     */
    public String initiate(String marketplaceId, String accountType) throws SQLException {
        PayoutTarget target = new PayoutTarget(marketplaceId, accountType);
        if (!allowed.contains(target)) {
            throw new PayoutRefusedException("on-demand payouts are not enabled for " + target + ": payreports.spapi.payouts.allowed is "
                    + (allowed.isEmpty() ? "empty (payouts off)" : allowed) + "; add '" + target + "' to allow them");
        }
        Instant now = clock.instant();
        Optional<PayoutGuard.LastPayout> previous = guard.reserve(target, now);
        if (previous.isEmpty()) {
            PayoutGuard.LastPayout last = guard.last(target).orElseThrow();
            throw new PayoutRefusedException("a payout for " + target + " was requested at " + last.requestedAt() + " (" + last.outcome()
                    + (last.payoutReferenceId() == null ? "" : ", payoutReferenceId " + last.payoutReferenceId())
                    + "); Amazon allows one per marketplace and account type in 24 hours, the next from " + last.requestedAt().plus(PayoutGuard.INTERVAL));
        }
        try {
            String reference = client.get().initiatePayout(target.marketplaceId(), target.accountType());
            guard.record(target, "INITIATED", reference);
            LOG.info("on-demand payout initiated for {}: payoutReferenceId {}", target, reference);
            return reference;
        } catch (SpApiException e) {
            if (e.status() == 400 && !"PAYOUT_FREQUENCY_EXCEEDED".equals(e.code())) {
                // Amazon answered that it did not pay out: the 24 hours have not started
                guard.release(target, previous.get(), e.code());
            } else {
                // a payout exists already, or the outcome is unknown (5xx, throttled): keep the 24 h, pay twice never
                guard.record(target, e.status() == 400 ? e.code() : "UNKNOWN (HTTP " + e.status() + " " + e.code() + ")", null);
            }
            LOG.warn("on-demand payout for {} not initiated: {}", target, e.getMessage());
            throw new SpApiException("initiatePayout for " + target, e.status(), e.code(), explain(e.code(), e), null);
        } catch (RuntimeException e) {
            guard.record(target, "UNKNOWN (" + e.getClass().getSimpleName() + ")", null);
            throw e;
        }
    }

    /** What each documented error code (seed 004) means for the operator. */
    static String explain(String code, SpApiException answer) {
        return switch (code) {
            case "INVALID_INPUT" -> "Amazon does not accept this marketplaceId/accountType (EU marketplaces have only 'Standard Orders')";
            case "NOT_ELIGIBLE_FOR_ON_DEMAND_PAYOUT" -> "the seller is not eligible for on-demand payouts; retrying will most likely fail";
            case "NO_DEPOSIT_METHOD" -> "no deposit method found; add a valid deposit method in Seller Central and try again";
            case "INSUFFICIENT_PAYOUT_AMOUNT" -> "the outstanding balance is below the minimum payout amount; no payout was initiated";
            case "PAYOUT_FREQUENCY_EXCEEDED" -> "Amazon already initiated a payout for this marketplace and account type in the last 24 hours"
                    + " (perhaps from Seller Central); payreports waits 24 hours from now before asking again";
            default -> "Amazon answered: " + answer.getMessage();
        };
    }
}
