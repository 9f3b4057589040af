package io.payreports.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job file as an operator writes one into the routes folder, for tests that run jobs: a {@code templatedRoute} of
 * one route template, named by its job id, with the job's account, sinks and any further parameters.
 */
public record JobFile(String template, String jobId, Map<String, String> parameters) {

    /** The job {@code jobId} of {@code template}, run for {@code account} and delivering to {@code sinks}. */
    public static JobFile of(String template, String jobId, String account, String sinks) {
        return new JobFile(template, jobId, Map.of()).with("account", account).with("sinks", sinks);
    }

    /** This job with one more template parameter, e.g. {@code cron} or {@code reportType}. */
    public JobFile with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new JobFile(template, jobId, more);
    }

    /** Writes the job into {@code routes} as {@code <jobId>.yaml}; returns that file. */
    public Path writeTo(Path routes) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                - templatedRoute:
                    routeTemplateRef: %s
                    routeId: %s
                    parameters:
                      - name: jobId
                        value: %s
                """.formatted(template, jobId, jobId));
        // quoted, so that every value reaches the template as the string written, whatever it looks like (a cron
        // expression, a number)
        parameters.forEach(
                (name, value) -> yaml.append("      - name: %s\n        value: \"%s\"\n".formatted(name, value)));
        return Files.writeString(routes.resolve(jobId + ".yaml"), yaml);
    }
}
