package io.payreports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/** The job context: what a split part picks stays its own, what the run counts is shared. */
class JobContextTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    /** The job routes: every split in them hands the job context to its parts. The sinks' splits do not pick reports. */
    private static final List<String> JOB_ROUTES = List.of(
            "camel/amazonpay-reports.yaml",
            "camel/mws-reports.yaml",
            "camel/spapi-finances.yaml",
            "camel/reconciliation.yaml",
            "camel/report-delivery.yaml");

    @Test
    void aSplitPartPicksItsReportOnItsOwnCopyAndCountsIntoTheSameRun() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            JobContext run = new JobRuns(Clock.fixed(NOW, ZoneOffset.UTC))
                    .begin("run-1", "settlement", "eu", "file,jdbc", "windows-1252", "decimal-comma");
            Exchange part = new DefaultExchange(camel);
            part.setProperty(JobContext.PROPERTY, run);

            new JobContext.Scope().process(part);
            JobContext report = JobContext.of(part);
            report.select(run.run().report("R-1", "_TYPE_", null, null), NOW, "the source's report");
            report.toAcknowledge().add("R-1");
            report.watermarkTarget(NOW);
            report.run().reportsListed(1);

            assertThat(report).isNotSameAs(run);
            assertThat(run.report()).as("the run's context after the split").isNull();
            assertThat(report.report().reportId()).isEqualTo("R-1");
            assertThat(report.item(String.class)).isEqualTo("the source's report");
            assertThat(run.toAcknowledge()).containsExactly("R-1");
            assertThat(run.watermarkTarget()).isEqualTo(NOW);
            assertThat(run.run().reportsListed()).isEqualTo(1);
            assertThat(report.sinks()).containsExactly("file", "jdbc");
            assertThat(report.charset()).isEqualTo(Charset.forName("windows-1252"));
            assertThat(report.stateKey()).isEqualTo("eu/settlement");
        }
    }

    @Test
    void theCharsetADownloadDeclaredWinsOverTheJobsAndIsForgottenWithTheNextReport() throws Exception {
        JobContext job = new JobRuns(Clock.fixed(NOW, ZoneOffset.UTC))
                .begin("run-1", "settlement", "default", "file", "windows-1252", "auto");
        job.select(job.run().report("R-1", "_TYPE_", null, null), null, null);
        job.documentCharset(StandardCharsets.ISO_8859_1);
        assertThat(job.charset()).isEqualTo(StandardCharsets.ISO_8859_1);

        job.select(job.run().report("R-2", "_TYPE_", null, null), null, null);
        assertThat(job.charset()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void everySplitOfAJobRouteGivesItsPartsTheirOwnContext() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (String routes : JOB_ROUTES) {
                PluginHelper.getRoutesLoader(camel)
                        .loadRoutes(PluginHelper.getResourceLoader(camel).resolveResource("classpath:" + routes));
            }
            ModelCamelContext model = camel;
            List<ProcessorDefinition<?>> outputs = new ArrayList<>();
            model.getRouteTemplateDefinitions().stream()
                    .map(RouteTemplateDefinition::getRoute)
                    .forEach(route -> outputs.addAll(route.getOutputs()));
            model.getRouteDefinitions().stream()
                    .map(RouteDefinition::getOutputs)
                    .forEach(outputs::addAll);

            var splits = ProcessorDefinitionHelper.filterTypeInOutputs(outputs, SplitDefinition.class);

            assertThat(splits).hasSizeGreaterThanOrEqualTo(6);
            assertThat(splits)
                    .allSatisfy(split -> assertThat(split.getOnPrepare())
                            .as(split.toString())
                            .isEqualTo("#jobScope"));
        }
    }
}
