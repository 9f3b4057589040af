package io.payreports.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportModels;
import io.payreports.sinks.SpooledLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * Delivers the records of one sink dead-letter file ({@code <time>_<report>_<sink>.jsonl}) to that sink again,
 * through the same delivery route as a run, as the {@code replay-<job>} run. A delivered file is renamed to
 * {@code *.replayed}; one that fails stays for the next try. Used by {@code payreports replay} and the operator page.
 */
public final class DeadLetterReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of one file; {@code detail} says it in a line for the operator. */
    public record Outcome(boolean delivered, String detail) {}

    private final CamelContext context;
    private final JobRuns runs;

    /** @param context a started runtime whose delivery routes run */
    public DeadLetterReplay(CamelContext context, JobRuns runs) {
        this.context = context;
        this.runs = runs;
    }

    /** Reading the file may fail ({@link java.nio.file.NoSuchFileException} when it is gone); delivery failures are an outcome. */
    public Outcome replay(Path file) throws IOException {
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
                        return new Outcome(
                                false, "not a sink dead letter of a report type payreports reads (" + type + ")");
                    }
                }
                records.add(values(layout, letter.path("record")));
            }
        }
        if (first == null) {
            return new Outcome(false, "empty");
        }
        String sink = first.path("sink").asText();
        // letters written before accounts existed name none: they are the default account's
        String account = first.path("account").asText(ReportContext.DEFAULT_ACCOUNT);
        Exchange exchange = new DefaultExchange(context);
        JobContext job = runs.beginWithDefaults(
                exchange.getExchangeId(), "replay-" + first.path("jobId").asText(), account, sink);
        // the letter's report, as the job that wrote it named it
        job.select(
                new ReportContext(
                        first.path("jobId").asText(),
                        account,
                        first.path("reportId").asText(),
                        first.path("reportType").asText(),
                        null,
                        null),
                null,
                null);
        job.recordsIn(new SpooledLayout(layout));
        exchange.setProperty(JobContext.PROPERTY, job);
        exchange.getMessage().setBody(records);
        context.createProducerTemplate().send("direct:payreports-deliver-report", exchange);
        JobRun run = job.run();
        boolean delivered = exchange.getException() == null
                && run.deadLetteredBySink().values().stream().allMatch(count -> count == 0);
        if (!delivered) {
            return new Outcome(
                    false,
                    "not delivered again: "
                            + (exchange.getException() != null
                                    ? exchange.getException().getMessage()
                                    : "the sink dead-lettered the records again (see the new dead-letter file)"));
        }
        // records no sink can store (a NUL character) would be rejected again: they are in their own dead
        // letters now, so the file is done either way; the outcome says they still need the operator
        Files.move(file, file.resolveSibling(file.getFileName() + ".replayed"));
        String detail = run.records() + " records delivered to " + sink;
        if (run.rowsRejected() > 0) {
            return new Outcome(
                    false,
                    detail + "; " + run.rowsRejected() + " records rejected as no sink can store them; dead letters: "
                            + run.rejectedRowFiles());
        }
        return new Outcome(true, detail);
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
