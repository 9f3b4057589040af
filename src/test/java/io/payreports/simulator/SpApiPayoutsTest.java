package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.PayoutGuard;
import io.payreports.spapi.PayoutRefusedException;
import io.payreports.spapi.PayoutTarget;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.SpApiConfig;
import io.payreports.spapi.SpApiException;
import io.payreports.spapi.SpApiOperation;
import io.payreports.spapi.SpApiPayouts;
import io.payreports.spapi.UsagePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On-demand payouts: off unless allowed, one per pair in 24 h refused locally, every documented error code explained (both errors of an answer). */
class SpApiPayoutsTest {

    private static final LwaCredentials CREDENTIALS =
            new LwaCredentials("amzn1.application-oa2-client.payout", "payout-Secret-1", "Atzr|payout-Refresh-2");
    private static final PayoutTarget US = new PayoutTarget("ATVPDKIKX0DER", "Standard Orders");
    private static final PayoutTarget DE = new PayoutTarget("A1PA6795UKMFR9", "Standard Orders");

    private static final UsagePlan FAST = new UsagePlan(10, 30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T12:00:00Z"));
    private SpApiSimulator simulator;
    private SpApiClient client;

    @BeforeEach
    void start() throws Exception {
        // the model's plan (0.017/s, burst 2) would make these tests wait a minute per payout: this seller has a higher
        // one
        startAmazonAllowing(FAST);
    }

    /** The simulator with Amazon's plan for initiatePayout, and a client pacing itself to {@link #FAST}. */
    private void startAmazonAllowing(UsagePlan amazonPlan) throws Exception {
        simulator = SpApiSimulator.start(SpApiSimulatorOptions.of(0, clock)
                .withCredentials(CREDENTIALS)
                .withUsagePlan(SpApiOperation.initiatePayout, amazonPlan));
        client = new SpApiClient(
                new SpApiConfig(
                                simulator.baseUrl(),
                                simulator.lwaEndpoint(),
                                CREDENTIALS,
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(10))
                        .withUsagePlan(SpApiOperation.initiatePayout, FAST),
                clock);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aPayoutNotAllowedInTheConfigurationIsRefusedWithoutCallingAmazon() {
        SpApiPayouts off = payouts(newGuard(), Set.of());
        SpApiPayouts otherPair = payouts(newGuard(), Set.of(DE));

        assertThatThrownBy(() -> off.initiate(US.marketplaceId(), US.accountType()))
                .isInstanceOf(PayoutRefusedException.class)
                .hasMessage(
                        "on-demand payouts are not enabled for ATVPDKIKX0DER:Standard Orders: payreports.spapi.payouts.allowed is empty (payouts off);"
                                + " add 'ATVPDKIKX0DER:Standard Orders' to allow them");
        assertThatThrownBy(() -> otherPair.initiate(US.marketplaceId(), US.accountType()))
                .isInstanceOf(PayoutRefusedException.class);
        assertThat(simulator.calls(SpApiOperation.initiatePayout)).isZero();
    }

    @Test
    void anAllowedPayoutRecordsItsReferenceAndASecondWithin24HoursIsRefusedLocally() throws Exception {
        PayoutGuard guard = newGuard();
        SpApiPayouts payouts = payouts(guard, Set.of(US));

        String reference = payouts.initiate(US.marketplaceId(), US.accountType());
        assertThat(reference).hasSize(43);
        assertThat(guard.last(US)).hasValueSatisfying(last -> {
            assertThat(last.payoutReferenceId()).isEqualTo(reference);
            assertThat(last.outcome()).isEqualTo("INITIATED");
        });

        clock.advance(Duration.ofHours(23));
        assertThatThrownBy(() -> payouts.initiate(US.marketplaceId(), US.accountType()))
                .isInstanceOf(PayoutRefusedException.class)
                .hasMessageContaining("a payout for ATVPDKIKX0DER:Standard Orders was requested at")
                .hasMessageContaining("payoutReferenceId " + reference)
                .hasMessageContaining("one per marketplace and account type in 24 hours");
        assertThat(simulator.calls(SpApiOperation.initiatePayout))
                .as("refused before calling Amazon")
                .isEqualTo(1);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(payouts.initiate(US.marketplaceId(), US.accountType())).isNotEqualTo(reference);
    }

    @Test
    void eachDocumentedErrorCodeIsExplainedAndOnlyAPossiblePayoutBlocksTheNext24Hours() throws Exception {
        PayoutTarget uk = new PayoutTarget("A1F83G8C2ARO7P", "Standard Orders");
        PayoutTarget jp = new PayoutTarget("A1VC38T7YXB528", "Standard Orders");
        PayoutTarget ca = new PayoutTarget("A2EUQ1WTGCTBG2", "Standard Orders");
        PayoutTarget invoicedDe = new PayoutTarget("A1PA6795UKMFR9", "Invoiced Orders");
        SpApiPayouts payouts = payouts(newGuard(), Set.of(uk, jp, ca, invoicedDe, DE));

        assertThatThrownBy(() -> payouts.initiate(uk.marketplaceId(), uk.accountType()))
                .isInstanceOf(SpApiException.class)
                .hasMessage(
                        "initiatePayout for A1F83G8C2ARO7P:Standard Orders failed: HTTP 400"
                                + " NoDepositMethod: no deposit method found; add a valid deposit method in Seller Central and try again;"
                                + " InsufficientPayoutAmount: the outstanding balance is below the minimum payout amount; no payout was initiated");
        assertThatThrownBy(() -> payouts.initiate(uk.marketplaceId(), uk.accountType()))
                .as("no payout happened, so the pair is free again")
                .isInstanceOf(SpApiException.class);
        assertThat(simulator.calls(SpApiOperation.initiatePayout)).isEqualTo(2);
        assertThatThrownBy(() -> payouts.initiate(jp.marketplaceId(), jp.accountType()))
                .hasMessageContaining(
                        "NotEligibleForOnDemandPayout: the seller is not eligible for on-demand payouts; retrying will most likely fail");
        assertThatThrownBy(() -> payouts.initiate(ca.marketplaceId(), ca.accountType()))
                .hasMessageContaining(
                        "NoDepositMethod: no deposit method found; add a valid deposit method in Seller Central");
        assertThatThrownBy(() -> payouts.initiate(invoicedDe.marketplaceId(), invoicedDe.accountType()))
                .hasMessageContaining("InvalidInput: Amazon does not accept this marketplaceId/accountType");

        // a payout made elsewhere (Seller Central, another installation) for DE a moment ago
        payouts(newGuard(), Set.of(DE)).initiate(DE.marketplaceId(), DE.accountType());
        assertThatThrownBy(() -> payouts.initiate(DE.marketplaceId(), DE.accountType()))
                .hasMessageContaining(
                        "PayoutFrequencyExceeded: Amazon already initiated a payout for this marketplace and account type in the last 24 hours");
        assertThatThrownBy(() -> payouts.initiate(DE.marketplaceId(), DE.accountType()))
                .isInstanceOf(PayoutRefusedException.class)
                .hasMessageContaining("(PayoutFrequencyExceeded)");
    }

    @Test
    void aThrottledPayoutRequestPaidNothingSoThePairIsFreeOnceAmazonAllowsTheNextCall() throws Exception {
        simulator.close();
        // Amazon's own plan for initiatePayout: one call, then one a minute
        startAmazonAllowing(new UsagePlan(0.017, 1));
        PayoutGuard guard = newGuard();
        SpApiPayouts payouts = payouts(guard, Set.of(US, DE));
        payouts.initiate(US.marketplaceId(), US.accountType());

        assertThatThrownBy(() -> payouts.initiate(DE.marketplaceId(), DE.accountType()))
                .isInstanceOf(SpApiException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(guard.last(DE))
                .hasValueSatisfying(last -> assertThat(last.payoutReferenceId()).isNull());

        assertThatThrownBy(() -> payouts.initiate(DE.marketplaceId(), DE.accountType()))
                .as("asked Amazon again rather than refused locally for 24 hours: the throttled call paid nothing")
                .isInstanceOf(SpApiException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(simulator.calls(SpApiOperation.initiatePayout)).isEqualTo(3);
    }

    private SpApiPayouts payouts(PayoutGuard guard, Set<PayoutTarget> allowed) {
        return new SpApiPayouts(() -> client, guard, allowed, clock);
    }

    private static PayoutGuard newGuard() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new PayoutGuard(h2);
    }
}
