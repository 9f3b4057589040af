package io.payreports.jobs;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * Runs calls of a client as a job's step does: in a route with the error handling of camel/errors.yaml,
 * so that a throttled call is redelivered after the wait Amazon asked for (for client tests). Started before
 * the test sets the scene, so that Camel's start-up time does not pass inside a rate limit's window.
 */
public final class JobRedelivery implements AutoCloseable {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private Supplier<?> call;

    private JobRedelivery() {}

    public static JobRedelivery start() throws Exception {
        JobRedelivery job = new JobRedelivery();
        DefaultCamelContext context = job.context;
        context.getPropertiesComponent().setLocation("classpath:camel-test/job-errors.properties");
        context.getRegistry().bind("retryAfterPause", new RetryAfterPause(Duration.ofSeconds(60)));
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:camel/errors.yaml"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call")
                        .routeConfigurationId("payreports-job")
                        .process(exchange -> exchange.getMessage().setBody(job.call.get()));
                from("direct:payreports-dead-letter").stop();
            }
        });
        context.start();
        return job;
    }

    /** The call's answer, after as many redeliveries as the job policy allows; its last failure otherwise. */
    public <T> T call(Supplier<T> step) throws Exception {
        this.call = step;
        Exchange done = context.createProducerTemplate().send("direct:call", exchange -> {});
        if (done.getExchangeExtension().isRedeliveryExhausted()) {
            throw done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        }
        @SuppressWarnings("unchecked")
        T answer = (T) done.getMessage().getBody();
        return answer;
    }

    @Override
    public void close() {
        context.stop();
    }
}
