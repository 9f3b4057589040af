package io.payreports.spapi;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-demand payouts (Transfers API v2024-06-01 initiatePayout), which move the seller's money, so: off unless the
 * operator allowed the exact marketplace and account type; refused locally, before Amazon is
 * called, within 24 hours of the pair's last request ({@link PayoutGuard}); and every answer recorded
 * with its payoutReferenceId in the state database and the log.
 */
public class SpApiPayouts {

    private static final Logger LOG = LoggerFactory.getLogger(SpApiPayouts.class);
    /** The one refusal that means a payout exists already (older reference page; the current model lists no code for it). */
    private static final String PAYOUT_FREQUENCY_EXCEEDED = "PayoutFrequencyExceeded";

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
            throw new PayoutRefusedException("on-demand payouts are not enabled for " + target
                    + ": payreports.spapi.payouts.allowed is " + (allowed.isEmpty() ? "empty (payouts off)" : allowed)
                    + "; add '" + target + "' to allow them");
        }
        Instant now = clock.instant();
        Optional<PayoutGuard.LastPayout> previous = guard.reserve(target, now);
        if (previous.isEmpty()) {
            PayoutGuard.LastPayout last = guard.last(target).orElseThrow();
            throw new PayoutRefusedException("a payout for " + target + " was requested at " + last.requestedAt() + " ("
                    + last.outcome()
                    + (last.payoutReferenceId() == null ? "" : ", payoutReferenceId " + last.payoutReferenceId())
                    + "); Amazon allows one per marketplace and account type in 24 hours, the next from "
                    + last.requestedAt().plus(PayoutGuard.INTERVAL));
        }
        try {
            String reference = client.get().initiatePayout(target.marketplaceId(), target.accountType());
            guard.record(target, "INITIATED", reference);
            LOG.info("on-demand payout initiated for {}: payoutReferenceId {}", target, reference);
            return reference;
        } catch (SpApiException e) {
            if ((e.status() == 400 && !e.has(PAYOUT_FREQUENCY_EXCEEDED)) || e.status() == 429) {
                // Amazon answered that it did not pay out, or throttled the call before acting on it: the 24 hours
                // have not started
                guard.release(target, previous.get(), codes(e));
            } else {
                // a payout exists already, or the outcome is unknown (5xx): keep the 24 h, pay twice never
                guard.record(
                        target,
                        e.status() == 400 ? codes(e) : "UNKNOWN (HTTP " + e.status() + " " + codes(e) + ")",
                        null);
            }
            LOG.warn("on-demand payout for {} not initiated: {}", target, e.getMessage());
            throw new SpApiException(
                    "initiatePayout for " + target,
                    e.status(),
                    e.errors().stream()
                            .map(error -> new SpApiException.Error(error.code(), explain(error)))
                            .toList(),
                    null);
        } catch (RuntimeException e) {
            guard.record(target, "UNKNOWN (" + e.getClass().getSimpleName() + ")", null);
            throw e;
        }
    }

    private static String codes(SpApiException e) {
        return String.join(
                ",", e.errors().stream().map(SpApiException.Error::code).toList());
    }

    /**
     * What each documented error code means for the operator, in either spelling: the Transfers API
     * model's CamelCase ({@code NoDepositMethod}) or its older reference page's SCREAMING_CASE.
     */
    static String explain(SpApiException.Error error) {
        return switch (error.normalizedCode()) {
            case "invalidinput" ->
                "Amazon does not accept this marketplaceId/accountType (EU marketplaces have only 'Standard Orders')";
            case "noteligibleforondemandpayout" ->
                "the seller is not eligible for on-demand payouts; retrying will most likely fail";
            case "nodepositmethod" ->
                "no deposit method found; add a valid deposit method in Seller Central and try again";
            case "insufficientpayoutamount" ->
                "the outstanding balance is below the minimum payout amount; no payout was initiated";
            case "payoutfrequencyexceeded" ->
                "Amazon already initiated a payout for this marketplace and account type in the last 24 hours"
                        + " (perhaps from Seller Central); payreports waits 24 hours from now before asking again";
            default -> "Amazon answered: " + error.message();
        };
    }
}
