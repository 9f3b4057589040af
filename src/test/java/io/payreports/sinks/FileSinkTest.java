package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRuns;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportFormats;
import io.payreports.reports.ReportLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The file sink's route template, camel/sinks/file.yaml: what camel-file makes of a report. */
class FileSinkTest {

    private static final ReportContext REPORT = new ReportContext(
            "job-1",
            "50001018",
            "_GET_TEST_",
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-02T00:00:00Z"));

    private static final List<TestRecord> RECORDS = List.of(
            TestRecord.of("a", "USD", "1000.00", "2024-01-01T10:15:30Z", 3L, "refund, \"partial\"\nsecond line"),
            TestRecord.of("b", "EUR", "-0.30", "2024-01-01T23:59:59.123Z", null, null),
            new TestRecord("c", "JPY", new BigDecimal("1E+3"), null, -7L, ""));

    @TempDir
    Path out;

    private final DefaultCamelContext context = new DefaultCamelContext();
    private ReportDeliveries deliveries;
    private int sinks;

    @Test
    void writesJsonLinesWithExactDecimalsAndUtcTimes() throws Exception {
        deliver(sink(FileFormat.JSONL), RECORDS);

        assertThat(Files.readString(out.resolve("test_record/50001018.jsonl"))).isEqualTo("""
                {"id":"a","currency":"USD","amount":"1000.00","postedAt":"2024-01-01T10:15:30Z","quantity":3,"note":"refund, \\"partial\\"\\nsecond line","account":"default"}
                {"id":"b","currency":"EUR","amount":"-0.30","postedAt":"2024-01-01T23:59:59.123Z","quantity":null,"note":null,"account":"default"}
                {"id":"c","currency":"JPY","amount":"1000","postedAt":null,"quantity":-7,"note":"","account":"default"}
                """);
    }

    @Test
    void writesRfc4180CsvWithAHeader() throws Exception {
        deliver(sink(FileFormat.CSV), RECORDS);

        assertThat(Files.readString(out.resolve("test_record/50001018.csv")))
                .isEqualTo("id,currency,amount,postedAt,quantity,note,account\r\n"
                        + "a,USD,1000.00,2024-01-01T10:15:30Z,3,\"refund, \"\"partial\"\"\nsecond line\",default\r\n"
                        + "b,EUR,-0.30,2024-01-01T23:59:59.123Z,,,default\r\n"
                        + "c,JPY,1000,,-7,\"\",default\r\n");
    }

    @Test
    void replayingAReportReplacesItsFiles() throws Exception {
        String sink = sink(FileFormat.CSV);
        deliver(sink, RECORDS);
        deliver(sink, List.of(RECORDS.get(1)));

        assertThat(names()).containsExactly("50001018.csv");
        assertThat(Files.readAllLines(out.resolve("test_record/50001018.csv")))
                .containsExactly(
                        "id,currency,amount,postedAt,quantity,note,account",
                        "b,EUR,-0.30,2024-01-01T23:59:59.123Z,,,default");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void filesAreReadableByOwnerAndGroupOnly() throws Exception {
        deliver(sink(FileFormat.JSONL), RECORDS);

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("test_record/50001018.jsonl"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void noTemporaryFileIsLeftAfterDelivery() throws Exception {
        deliver(sink(FileFormat.JSONL, FileFormat.CSV), List.of(RECORDS.get(0)));

        assertThat(names()).containsExactlyInAnyOrder("50001018.jsonl", "50001018.csv");
    }

    @Test
    void reportIdsStayInsideTheFolder() throws Exception {
        ReportContext sneaky = new ReportContext("job-1", "../../etc/passwd", "_GET_TEST_", null, null);

        deliver(sink(FileFormat.CSV), sneaky, RECORDS);

        assertThat(names()).containsExactly("_.._.._etc_passwd.csv");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** A file sink route of these formats, as a declaration file or payreports.sinks.* keys make one; its name. */
    private String sink(FileFormat... formats) throws Exception {
        if (deliveries == null) {
            Properties retry = new Properties();
            retry.put("payreports.retry.maximum-redeliveries", "0");
            retry.put("payreports.retry.redelivery-delay", "0");
            retry.put("payreports.retry.backoff-multiplier", "2");
            retry.put("payreports.retry.maximum-redelivery-delay", "0");
            context.getPropertiesComponent().setInitialProperties(retry);
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(
                            PluginHelper.getResourceLoader(context).resolveResource("classpath:camel/sinks/file.yaml"));
            deliveries = new ReportDeliveries(
                    Map.of(),
                    Map.of(),
                    out.resolve("spool"),
                    new ReportFormats(context),
                    ReportLimits.DEFAULTS,
                    new DeadLetterWriter(out, Clock.systemUTC()),
                    Clock.systemUTC());
            context.getRegistry().bind("reportDeliveries", deliveries);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:payreports-sink-dead-letter").process(exchange -> {
                        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    });
                }
            });
            context.start();
        }
        String name = "file" + ++sinks;
        TemplatedRouteBuilder.builder(context, "file-sink")
                .routeId("payreports-sink-" + name)
                .parameter("name", name)
                .parameter("directory", out.toString())
                .parameter(
                        "formats",
                        Arrays.stream(formats)
                                .map(format -> format.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(",")))
                .add();
        return name;
    }

    private void deliver(String sink, List<TestRecord> records) throws Exception {
        deliver(sink, REPORT, records);
    }

    /** What the delivery route does with one report and one sink. */
    private void deliver(String sink, ReportContext report, List<TestRecord> records) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        JobContext job = new JobRuns(Clock.systemUTC())
                .beginWithDefaults(exchange.getExchangeId(), "job-1", ReportContext.DEFAULT_ACCOUNT, sink);
        job.select(report, null, null);
        job.recordsIn(TestRecord.LAYOUT);
        exchange.setProperty(JobContext.PROPERTY, job);
        try {
            deliveries.open(job);
            deliveries.spool(job, records);
            deliveries.sinks(job);
            exchange.getMessage().setBody(sink);
            Exchange sent = context.createProducerTemplate().send("direct:payreports-sink-" + sink, exchange);
            if (sent.getException() != null) {
                throw sent.getException();
            }
        } finally {
            deliveries.close(job);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("test_record"))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
