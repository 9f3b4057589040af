package io.payreports.spapi;

import io.payreports.amazonpay.AmazonPayDates;
import io.payreports.jobs.JobRun;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.reports.ReportContext;
import org.apache.camel.Exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The source of the {@code spapi-payment-methods} job: the seller's payout methods, all of them each run, as one delivery. */
public class SpApiPaymentMethods {

    public static final String TYPE = "SPAPI_PAYMENT_METHODS";

    private final Supplier<SpApiClient> client;
    private final Clock clock;

    public SpApiPaymentMethods(Supplier<SpApiClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * @param marketplaceId          the request's marketplaceId, may be blank
     * @param paymentInstrumentTypes comma-separated BANK_ACCOUNT, CARD, SELLER_WALLET; blank for all
     * @param defaultOnly            only instruments that are the default somewhere (assignmentFilter DEFAULT)
     */
    public List<PaymentMethod> fetch(Exchange exchange, String marketplaceId, String paymentInstrumentTypes, boolean defaultOnly) {
        PaymentMethodsRequest request = new PaymentMethodsRequest(null, marketplaceId, null, null,
                marketplaceId == null || marketplaceId.isBlank() ? List.of() : List.of(marketplaceId),
                defaultOnly ? List.of("DEFAULT") : List.of(), PaymentMethodsRequest.list(paymentInstrumentTypes));
        List<PaymentMethod> methods = client.get().getPaymentMethods(request);
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        Instant now = clock.instant();
        exchange.setProperty(ReportContext.PROPERTY, new ReportContext(run.jobId(), "payment-methods-" + AmazonPayDates.basic(now), TYPE, null, null));
        exchange.setProperty(ReportDeliveries.LAYOUT, PaymentMethodLayout.INSTANCE);
        run.reportsListed(methods.isEmpty() ? 0 : 1);
        return methods;
    }
}
