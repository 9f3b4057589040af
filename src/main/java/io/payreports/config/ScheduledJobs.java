package io.payreports.config;

import io.payreports.reports.ReportContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/** The jobs of a started runtime: its Quartz-triggered routes, each with the sinks and account its job file names. */
final class ScheduledJobs {

    private ScheduledJobs() {}

    /** Job id (the trigger's name) to the job's sinks, in the order of the routes. */
    static Map<String, List<String>> sinksByJob(CamelContext context) {
        return byJob(context, List.of(), parameter -> {
            List<String> sinks = new ArrayList<>();
            if (parameter.apply("sinks") != null) {
                for (String sink : parameter.apply("sinks").split(",")) {
                    if (!sink.isBlank()) {
                        sinks.add(sink.trim());
                    }
                }
            }
            return sinks;
        });
    }

    /** Job id to the merchant account the job runs for. */
    static Map<String, String> accountsByJob(CamelContext context) {
        return byJob(
                context,
                ReportContext.DEFAULT_ACCOUNT,
                parameter -> parameter.apply("account") == null
                        ? ReportContext.DEFAULT_ACCOUNT
                        : parameter.apply("account").trim());
    }

    /**
     * What {@code read} makes of each job's template parameters (resolved, null when neither the job file nor
     * the template's default names it); {@code unknown} for a route whose definition is not at hand.
     */
    private static <T> Map<String, T> byJob(
            CamelContext context, T unknown, Function<Function<String, String>, T> read) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        Map<String, T> jobs = new LinkedHashMap<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                RouteDefinition definition = model == null ? null : model.getRouteDefinition(route.getRouteId());
                jobs.put(
                        quartz.getTriggerKey().getName(),
                        definition == null ? unknown : read.apply(name -> parameter(context, definition, name)));
            }
        }
        return jobs;
    }

    /** The template parameter as the job file gives it, else its default. */
    private static String parameter(CamelContext context, RouteDefinition definition, String name) {
        Map<String, Object> parameters = new HashMap<>();
        if (definition.getTemplateDefaultParameters() != null) {
            parameters.putAll(definition.getTemplateDefaultParameters());
        }
        if (definition.getTemplateParameters() != null) {
            parameters.putAll(definition.getTemplateParameters());
        }
        Object value = parameters.get(name);
        return value == null ? null : context.resolvePropertyPlaceholders(value.toString());
    }
}
