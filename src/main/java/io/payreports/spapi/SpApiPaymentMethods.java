package io.payreports.spapi;

import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The source of the {@code spapi-payment-methods} job: the seller's payout methods, all of them each run, as one delivery. */
public class SpApiPaymentMethods {

    public static final String TYPE = "SPAPI_PAYMENT_METHODS";

    private final Function<String, SpApiClient> clients;
    private final Clock clock;

    public SpApiPaymentMethods(Function<String, SpApiClient> clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * @param job                the run; the methods become its report
     * @param marketplaceId      the store whose payment methods are asked (required by the Transfers API model)
     * @param paymentMethodTypes comma-separated BANK_ACCOUNT, CARD, SELLER_WALLET; blank for all
     * @param defaultOnly        only the store's default deposit method (assignmentType DEFAULT_DEPOSIT_METHOD); the model has
     *                           no such filter, so it is applied here
     */
    public List<PaymentMethod> fetch(
            JobContext job, String marketplaceId, String paymentMethodTypes, boolean defaultOnly) {
        JobRun run = job.run();
        List<PaymentMethod> methods = clients
                .apply(run.account())
                .getPaymentMethods(PaymentMethodsQuery.of(marketplaceId, paymentMethodTypes))
                .stream()
                .filter(method -> !defaultOnly || PaymentMethod.DEFAULT_DEPOSIT_METHOD.equals(method.assignmentType()))
                .toList();
        Instant now = clock.instant();
        job.select(run.report("payment-methods-" + AmazonPayDates.basic(now), TYPE, null, null), null, null);
        job.recordsIn(PaymentMethodLayout.INSTANCE);
        run.reportsListed(methods.isEmpty() ? 0 : 1);
        return methods;
    }
}
