package io.payreports.jobs;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * Runs one call of a client as a job's step does: in a route with the error handling of camel/errors.yaml,
 * so that a throttled call is redelivered after the wait Amazon asked for (for client tests).
 */
public final class JobRedelivery {

    private JobRedelivery() {}

    /** The call's answer, after as many redeliveries as the job policy allows; its last failure otherwise. */
    public static <T> T call(Supplier<T> call) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:camel-test/job-errors.properties");
            context.getRegistry().bind("retryAfterPause", new RetryAfterPause(Duration.ofSeconds(60)));
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:camel/errors.yaml"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call")
                            .routeConfigurationId("payreports-job")
                            .process(exchange -> exchange.getMessage().setBody(call.get()));
                    from("direct:payreports-dead-letter").stop();
                }
            });
            context.start();
            Exchange done = context.createProducerTemplate().send("direct:call", exchange -> {});
            if (done.getExchangeExtension().isRedeliveryExhausted()) {
                throw done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            }
            @SuppressWarnings("unchecked")
            T answer = (T) done.getMessage().getBody();
            return answer;
        }
    }
}
