package io.payreports.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/** The jobs of a started runtime: its Quartz-triggered routes, each with the sinks its job file names. */
final class ScheduledJobs {

    private ScheduledJobs() {}

    /** Job id (the trigger's name) to the job's sinks, in the order of the routes. */
    static Map<String, List<String>> sinksByJob(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        Map<String, List<String>> jobs = new LinkedHashMap<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                RouteDefinition definition = model == null ? null : model.getRouteDefinition(route.getRouteId());
                jobs.put(quartz.getTriggerKey().getName(), definition == null ? List.of() : sinks(context, definition));
            }
        }
        return jobs;
    }

    /** The {@code sinks} parameter of the job's template, its default when the job file leaves it out. */
    private static List<String> sinks(CamelContext context, RouteDefinition definition) {
        Map<String, Object> parameters = new HashMap<>();
        if (definition.getTemplateDefaultParameters() != null) {
            parameters.putAll(definition.getTemplateDefaultParameters());
        }
        if (definition.getTemplateParameters() != null) {
            parameters.putAll(definition.getTemplateParameters());
        }
        Object value = parameters.get("sinks");
        List<String> sinks = new ArrayList<>();
        if (value != null) {
            for (String sink :
                    context.resolvePropertyPlaceholders(value.toString()).split(",")) {
                if (!sink.isBlank()) {
                    sinks.add(sink.trim());
                }
            }
        }
        return sinks;
    }
}
