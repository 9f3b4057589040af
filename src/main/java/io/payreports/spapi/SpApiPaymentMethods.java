package io.payreports.spapi;

import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.jobs.JobRun;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.reports.ReportContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.Exchange;

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
     * @param marketplaceId      the store whose payment methods are asked (required by the Transfers API model)
     * @param paymentMethodTypes comma-separated BANK_ACCOUNT, CARD, SELLER_WALLET; blank for all
     * @param defaultOnly        only the store's default deposit method (assignmentType DEFAULT_DEPOSIT_METHOD); the model has
     *                           no such filter, so it is applied here
     */
    public List<PaymentMethod> fetch(
            Exchange exchange, String marketplaceId, String paymentMethodTypes, boolean defaultOnly) {
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        List<PaymentMethod> methods = clients
                .apply(run.account())
                .getPaymentMethods(PaymentMethodsQuery.of(marketplaceId, paymentMethodTypes))
                .stream()
                .filter(method -> !defaultOnly || PaymentMethod.DEFAULT_DEPOSIT_METHOD.equals(method.assignmentType()))
                .toList();
        Instant now = clock.instant();
        exchange.setProperty(
                ReportContext.PROPERTY, run.report("payment-methods-" + AmazonPayDates.basic(now), TYPE, null, null));
        exchange.setProperty(ReportDeliveries.LAYOUT, PaymentMethodLayout.INSTANCE);
        run.reportsListed(methods.isEmpty() ? 0 : 1);
        return methods;
    }
}
