package io.payreports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.AmazonPayApiException;
import io.payreports.mws.MwsApiException;
import io.payreports.reports.DocumentRejectedException;
import io.payreports.spapi.SpApiException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code payreports-job} error configuration (camel/errors.yaml) on a route of its own: which of
 * Amazon's answers are redelivered, how often, and how long a throttled call waits first. The pause is
 * captured instead of slept, so what Amazon asked for is asserted without waiting for it.
 */
class JobErrorHandlingTest extends CamelMainTestSupport {

    /** What "Amazon" answers to each attempt, in order; a success once they are used up. */
    private final Queue<Exception> answers = new ConcurrentLinkedQueue<>();

    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:camel-test/job-errors.properties";
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("retryAfterPause", new RetryAfterPause(Duration.ofSeconds(60), pauses::add));
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:camel/errors.yaml");
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:job")
                        .routeId("job")
                        .routeConfigurationId("payreports-job")
                        .process(exchange -> {
                            attempts.incrementAndGet();
                            Exception answer = answers.poll();
                            if (answer != null) {
                                throw answer;
                            }
                        })
                        .to("mock:delivered");
                from("direct:payreports-dead-letter").routeId("dead-letter").to("mock:dead-letter");
            }
        });
    }

    static Stream<Exception> finalAnswers() {
        return Stream.<Exception>of(
                new AmazonPayApiException("getReports", 400, "InvalidParameterValue", "bad"),
                new SpApiException(
                        "listTransactions", 403, "Unauthorized", "Access to requested resource is denied.", null),
                new MwsApiException(401, "InvalidAccessKeyId", "GetReportList: unknown key", false),
                new DocumentRejectedException("over payreports.reports.max-document-bytes"));
    }

    @ParameterizedTest
    @MethodSource("finalAnswers")
    void anAnswerThatStaysSoIsDeadLetteredAtOnce(Exception answer) throws Exception {
        answers.add(answer);
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letter");
        deadLetters.expectedMessageCount(1);
        getMockEndpoint("mock:delivered").expectedMessageCount(0);

        template.sendBody("direct:job", "report");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(attempts).hasValue(1);
        assertThat(deadLetters.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isSameAs(answer);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aFailureWorthRetryingIsRedeliveredByThePolicyThenDeadLetteredAndTheRunGoesOn() throws Exception {
        for (int i = 0; i < 10; i++) {
            answers.add(new AmazonPayApiException("getReports", 500, "InternalServerError", null));
        }
        NotifyBuilder handled =
                new NotifyBuilder(context).from("direct:job").whenCompleted(1).create();
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letter");
        deadLetters.expectedMessageCount(1);

        template.sendBody("direct:job", "report");

        assertThat(handled.matches(5, TimeUnit.SECONDS))
                .as("the dead letter channel handles the exchange: the job's run goes on")
                .isTrue();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(attempts)
                .as("the first try and payreports.retry.maximum-redeliveries")
                .hasValue(4);
        assertThat(pauses).as("no Retry-After, only the backoff").isEmpty();
    }

    static Stream<Exception> throttling() {
        return Stream.<Exception>of(
                new AmazonPayApiException("getReports", 429, "TooManyRequests", "slow down", Duration.ofSeconds(2)),
                new SpApiException(
                        "listTransactions",
                        429,
                        "QuotaExceeded",
                        "You exceeded your quota for the requested resource.",
                        Duration.ofSeconds(2)),
                new MwsApiException(
                        503, "RequestThrottled", "GetReportList: Request is throttled", true, Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @MethodSource("throttling")
    void eachApisThrottlingWaitsWhatAmazonAskedThenIsRedelivered(Exception throttled) throws Exception {
        answers.add(throttled);
        answers.add(throttled);
        getMockEndpoint("mock:delivered").expectedMessageCount(1);
        getMockEndpoint("mock:dead-letter").expectedMessageCount(0);

        template.sendBody("direct:job", "report");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(attempts).hasValue(3);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumRedeliveryDelayIsCapped() throws Exception {
        answers.add(new AmazonPayApiException("getReports", 503, "ServiceUnavailable", null, Duration.ofHours(10)));
        getMockEndpoint("mock:delivered").expectedMessageCount(1);

        template.sendBody("direct:job", "report");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(pauses).containsExactly(Duration.ofSeconds(60));
    }
}
