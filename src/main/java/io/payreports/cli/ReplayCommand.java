package io.payreports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.config.ConfigException;
import io.payreports.config.PayreportsApplication;
import io.payreports.jobs.JobRun;
import io.payreports.jobs.ReportDeliveries;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportModels;
import io.payreports.sinks.SpooledLayout;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Delivers the records a sink dead-lettered (out/dead-letter/<job>/<time>_<report>_<sink>.jsonl) to that sink",
            "again, once it is back. A replayed file is renamed to *.replayed; a failing one stays for the next try.",
            "A record no sink can store (a NUL character) is rejected to its own dead letter, the others are delivered.",
            "Reports that failed as a whole need no replay: they were not marked delivered, the next run takes them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file replayed",
            "1:some records could not be delivered again, or were rejected",
            "2:bad usage or configuration"
        })
public class ReplayCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with the sinks (default: config/application.properties when present).")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Sink dead-letter files (*.jsonl).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        try (PayreportsApplication application = PayreportsApplication.createDeliveryOnly(config)) {
            application.startDelivery();
            int failed = 0;
            for (Path file : files) {
                failed += replay(application, file) ? 0 : 1;
            }
            return failed == 0 ? 0 : 1;
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (NoSuchFileException e) {
            System.err.println("replay: cannot read " + e.getFile() + ": file not found");
            return 2;
        }
    }

    /** One dead-letter file: one report's records for one sink, delivered through the same route as in a run. */
    private static boolean replay(PayreportsApplication application, Path file) throws Exception {
        List<Object[]> records = new ArrayList<>();
        JsonNode first = null;
        RecordLayout<?> layout = null;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode letter = JSON.readTree(line);
                if (first == null) {
                    first = letter;
                    String type = letter.path("reportType").asText();
                    layout = ReportModels.model(type).orElse(null);
                    if (layout == null || letter.path("sink").asText().isEmpty()) {
                        System.err.println("replay: " + file
                                + ": not a sink dead letter of a report type payreports reads (" + type + ")");
                        return false;
                    }
                }
                records.add(values(layout, letter.path("record")));
            }
        }
        if (first == null) {
            System.err.println("replay: " + file + ": empty");
            return false;
        }
        Exchange exchange = new DefaultExchange(application.context());
        application.jobRuns().begin(exchange, "replay-" + first.path("jobId").asText());
        exchange.setProperty(ReportDeliveries.SINKS, first.path("sink").asText());
        exchange.setProperty(ReportDeliveries.LAYOUT, new SpooledLayout(layout));
        exchange.setProperty(
                ReportContext.PROPERTY,
                new ReportContext(
                        first.path("jobId").asText(),
                        first.path("reportId").asText(),
                        first.path("reportType").asText(),
                        null,
                        null));
        exchange.getMessage().setBody(records);
        application.context().createProducerTemplate().send("direct:payreports-deliver-report", exchange);
        JobRun run = exchange.getProperty(JobRun.PROPERTY, JobRun.class);
        boolean delivered = exchange.getException() == null
                && run.deadLetteredBySink().values().stream().allMatch(count -> count == 0);
        if (delivered) {
            // rejected records would be rejected again: they are in their own dead letters now, the file is done
            Files.move(file, file.resolveSibling(file.getFileName() + ".replayed"));
            System.out.println(file + ": " + run.records() + " records delivered to "
                    + first.path("sink").asText());
            if (run.rowsRejected() > 0) {
                System.err.println(file + ": " + run.rowsRejected()
                        + " records rejected as no sink can store them; dead letters: " + run.rejectedRowFiles());
            }
        } else {
            System.err.println(file + ": not delivered again: "
                    + (exchange.getException() != null
                            ? exchange.getException().getMessage()
                            : "the sink dead-lettered the records again (see the new dead-letter file)"));
        }
        return delivered && run.rowsRejected() == 0;
    }

    /** The record's JSON back to column values: money exact, times as instants, as the sinks wrote them. */
    private static Object[] values(RecordLayout<?> layout, JsonNode record) {
        List<RecordLayout.Column> columns = layout.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = record.path(columns.get(i).name());
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            values[i] = switch (columns.get(i).type()) {
                case TEXT -> value.asText();
                case DECIMAL -> new BigDecimal(value.asText());
                case TIMESTAMP -> Instant.parse(value.asText());
                case BIGINT -> value.asLong();
            };
        }
        return values;
    }
}
