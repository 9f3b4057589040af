package io.payreports.amazonpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRuns;
import io.payreports.jobs.RetryAfterPause;
import io.payreports.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.model.DelayDefinition;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backfill route of camel/amazonpay-reports.yaml with a scripted Amazon Pay: its loop polls with a
 * growing pause until no report is IN_PROGRESS, and gives up at the deadline. The loop's delay is advised
 * into a step that records the pause and moves the pinned clock by it, so no test waits.
 */
class AmazonPayBackfillRouteTest extends CamelMainTestSupport {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final List<Long> pauses = new CopyOnWriteArrayList<>();
    private final List<String> polled = new CopyOnWriteArrayList<>();
    /** Polls each report answers IN_PROGRESS to before it ends, and how it ends. */
    private final Map<String, Integer> pollsInProgress = new ConcurrentHashMap<>();

    private final Map<String, Report.ProcessingStatus> endings = new ConcurrentHashMap<>();

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:camel-test/job-errors.properties";
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("classpath:camel/errors.yaml,classpath:camel/amazonpay-reports.yaml");
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:payreports-dead-letter").routeId("dead-letter").to("mock:dead-letter");
            }
        });
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("retryAfterPause", new RetryAfterPause(Duration.ofSeconds(60), pause -> {}));
        registry.bind("jobRuns", new JobRuns(clock));
        registry.bind("jobScope", new JobContext.Scope());
        registry.bind("amazonPayReports", new Selection());
        registry.bind("amazonPayBackfill", new AmazonPayBackfill(account -> new ScriptedAmazonPay(), clock, TIMEOUT));
    }

    @BeforeEach
    void adviseTheLoop() throws Exception {
        AdviceWith.adviceWith(context, "payreports-amazonpay-backfill", route -> {
            route.weaveByType(DelayDefinition.class).replace().process(exchange -> {
                long pause = exchange.getMessage().getBody(AwaitedReports.class).pauseMillis();
                pauses.add(pause);
                clock.advance(Duration.ofMillis(pause));
            });
            route.weaveByToUri("direct:payreports-amazonpay-report").replace().to("mock:report");
        });
        context.start();
    }

    @Test
    void pollsWithAGrowingPauseUntilAmazonEndedEveryReport() throws Exception {
        pollsInProgress.put("R-2026-09-01", 2);
        endings.put("R-2026-10-01", Report.ProcessingStatus.CANCELLED);
        MockEndpoint delivered = getMockEndpoint("mock:report");
        delivered.expectedMessageCount(1);

        Exchange done = backfill("2026-09-01T00:00:00Z", "2026-10-15T00:00:00Z");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(delivered
                        .getExchanges()
                        .get(0)
                        .getMessage()
                        .getBody(Report.class)
                        .reportId())
                .isEqualTo("R-2026-09-01");
        assertThat(pauses).as("none before the first poll, then 1 s doubling").containsExactly(0L, 1000L, 2000L);
        assertThat(polled)
                .as("a report that ended is not asked again")
                .containsExactly("R-2026-09-01", "R-2026-10-01", "R-2026-09-01", "R-2026-09-01");
        assertThat(JobContext.of(done).run().notFetched()).containsExactly("R-2026-10-01 CANCELLED");
    }

    @Test
    void aReportStillInProgressWhenTheNextPollWouldPassTheDeadlineFailsTheBackfill() throws Exception {
        pollsInProgress.put("R-2026-09-01", Integer.MAX_VALUE);
        MockEndpoint deadLetters = getMockEndpoint("mock:dead-letter");
        deadLetters.expectedMessageCount(1);
        getMockEndpoint("mock:report").expectedMessageCount(0);

        backfill("2026-09-01T00:00:00Z", "2026-09-02T00:00:00Z");

        MockEndpoint.assertIsSatisfied(context);
        assertThat(deadLetters.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessage("backfill: report R-2026-09-01 still IN_PROGRESS after PT30M");
        assertThat(pauses).startsWith(0L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
        assertThat(pauses.stream().mapToLong(Long::longValue).sum())
                .as("waited up to the deadline, not past it")
                .isLessThanOrEqualTo(TIMEOUT.toMillis())
                .isGreaterThan(TIMEOUT.minusSeconds(30).toMillis());
    }

    private Exchange backfill(String from, String to) {
        return template.send(
                "direct:payreports-amazonpay-backfill",
                exchange -> exchange.getMessage()
                        .setHeaders(Map.of(
                                "payreportsJobId", "backfill",
                                "payreportsSinks", "file",
                                "payreportsReportType", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                                "payreportsFrom", from,
                                "payreportsTo", to)));
    }

    /** The report of the split, as the delivery selects it. */
    public static final class Selection {
        public void select(JobContext job, Report report) {
            // the mock delivery sees the report in the body
        }
    }

    /** Amazon Pay creating reports: one id per window, IN_PROGRESS for the scripted number of polls. */
    private final class ScriptedAmazonPay extends OfflineAmazonPay {

        ScriptedAmazonPay() {
            super(clock);
        }

        @Override
        public String createReport(String reportType, Instant startTime, Instant endTime, String idempotencyKey) {
            return "R-" + startTime.toString().substring(0, 10);
        }

        @Override
        public Report getReportById(String reportId) {
            polled.add(reportId);
            int left = pollsInProgress.getOrDefault(reportId, 0);
            pollsInProgress.put(reportId, left == Integer.MAX_VALUE ? left : left - 1);
            Report.ProcessingStatus status = left > 0
                    ? Report.ProcessingStatus.IN_PROGRESS
                    : endings.getOrDefault(reportId, Report.ProcessingStatus.COMPLETED);
            return new Report(
                    reportId,
                    "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                    null,
                    null,
                    clock.instant(),
                    status,
                    null,
                    null,
                    status == Report.ProcessingStatus.COMPLETED ? "D-" + reportId : null);
        }
    }
}
