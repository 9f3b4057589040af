package io.payreports.config;

import io.payreports.reports.AmountNotation;
import io.payreports.reports.ReportModels;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks job files under routes/ without starting anything: the Camel YAML DSL must load them, and
 * every {@code templatedRoute} must name a known template with its required parameters, a valid
 * Quartz cron (after property resolution) and known sinks. Problems carry file and line.
 */
public final class JobFileValidator {

    /** Templates shipped in the jar and the parameters they cannot do without. */
    private static final Map<String, Set<String>> REQUIRED_PARAMETERS = Map.of("amazonpay-reports", Set.of("jobId", "cron"),
            "amazonpay-disbursements", Set.of("jobId", "cron"), "mws-reports", Set.of("jobId", "cron"),
            "spapi-transactions", Set.of("jobId", "cron"), "spapi-payment-methods", Set.of("jobId", "cron"));
    private static final List<String> TEMPLATES = PayreportsApplication.BUILT_IN_ROUTES;
    private static final String SANDBOX_SETTLEMENT = ReportModels.SANDBOX_SETTLEMENT;

    private final Optional<Path> operatorConfig;

    public JobFileValidator(Optional<Path> operatorConfig) {
        this.operatorConfig = operatorConfig;
    }

    public List<ConfigProblem> validate() {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> dir = ConfigFiles.routesDir();
        if (dir.isEmpty()) {
            return problems;
        }
        DefaultCamelContext context = new DefaultCamelContext();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.get(), "*.yaml")) {
            context.getPropertiesComponent().setLocation(ConfigFiles.propertyLocations(operatorConfig));
            // job files instantiate the templates shipped in the jar
            for (String templates : TEMPLATES) {
                PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context).resolveResource(templates));
            }
            for (Path file : files) {
                validateFile(context, file, problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the route templates of the jar: " + e.getMessage(), e);
        } finally {
            context.stop();
        }
        return problems;
    }

    /** {@code file}, {@code jdbc} and the sinks defined under {@code payreports.sinks.<name>.*}. */
    private static Set<String> configuredSinks(CamelContext context) {
        return ConfiguredSinks.names(context.getPropertiesComponent()
                .loadProperties(key -> key.startsWith(ConfiguredSinks.PREFIX)).stringPropertyNames());
    }

    private void validateFile(CamelContext context, Path file, List<ConfigProblem> problems) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Resource resource = ResourceHelper.fromString(file.toAbsolutePath().toUri().toString(), text);
        try {
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        } catch (Exception e) {
            problems.add(new ConfigProblem(file.toString(), lineOf(e), "routes", oneLine(e)));
            return;
        }
        Node root = new Composer(LoadSettings.builder().build(), new ParserImpl(LoadSettings.builder().build(), new StreamReader(LoadSettings.builder().build(), text)))
                .getSingleNode().orElse(null);
        if (root instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                mapping(item).flatMap(entries -> Optional.ofNullable(entries.get("templatedRoute")))
                        .ifPresent(templated -> validateTemplatedRoute(context, file, templated, problems));
            }
        }
    }

    private void validateTemplatedRoute(CamelContext context, Path file, Node node, List<ConfigProblem> problems) {
        Map<String, Node> route = mapping(node).orElse(Map.of());
        String template = scalar(route.get("routeTemplateRef"));
        Set<String> required = REQUIRED_PARAMETERS.get(template);
        if (required == null) {
            problems.add(problem(file, route.getOrDefault("routeTemplateRef", node), "routeTemplateRef",
                    "unknown route template '" + template + "', known: " + REQUIRED_PARAMETERS.keySet()));
            return;
        }
        Map<String, Node> parameters = new LinkedHashMap<>();
        if (route.get("parameters") instanceof SequenceNode list) {
            for (Node parameter : list.getValue()) {
                Map<String, Node> entry = mapping(parameter).orElse(Map.of());
                parameters.put(scalar(entry.get("name")), entry.getOrDefault("value", parameter));
            }
        }
        required.stream().filter(name -> !parameters.containsKey(name)).sorted()
                .forEach(name -> problems.add(problem(file, node, name, "required parameter of template '" + template + "' is missing")));
        Optional.ofNullable(parameters.get("jobId")).ifPresent(jobId -> {
            String value = resolve(context, scalar(jobId), file, jobId, "jobId", problems);
            if (value != null) {
                JobIds.problem(value).ifPresent(message -> problems.add(problem(file, jobId, "jobId", message)));
            }
        });
        Optional.ofNullable(parameters.get("cron")).ifPresent(cron -> {
            String value = resolve(context, scalar(cron), file, cron, "cron", problems);
            if (value != null) {
                PayreportsSettings.cronProblem(value).ifPresent(message -> problems.add(problem(file, cron, "cron", message)));
            }
        });
        Optional.ofNullable(parameters.get("reportType")).ifPresent(type -> {
            String reportType = resolve(context, scalar(type), file, type, "reportType", problems);
            String environment = resolve(context, "{{payreports.amazonpay.environment}}", file, type, "reportType", problems);
            // seed 001: "Sandbox support only exists for the Sandbox Settlement Report"
            if (reportType != null && "sandbox".equalsIgnoreCase(environment) && !reportType.equals(SANDBOX_SETTLEMENT)) {
                problems.add(problem(file, type, "reportType", "the sandbox environment only has " + SANDBOX_SETTLEMENT + ", not " + reportType));
            } else if (reportType != null && !ReportModels.reportTypes().contains(reportType)) {
                problems.add(problem(file, type, "reportType", "no reader for " + reportType + "; supported: " + ReportModels.reportTypes()));
            }
        });
        Optional.ofNullable(parameters.get("charset")).ifPresent(charset -> {
            String name = resolve(context, scalar(charset), file, charset, "charset", problems);
            if (name != null && !Charset.isSupported(name)) {
                problems.add(problem(file, charset, "charset", "unknown charset '" + name + "' (e.g. UTF-8, windows-1252, ISO-8859-1, Shift_JIS)"));
            }
        });
        Optional.ofNullable(parameters.get("amounts")).ifPresent(amounts -> {
            String notation = resolve(context, scalar(amounts), file, amounts, "amounts", problems);
            try {
                AmountNotation.of(notation == null ? "" : notation);
            } catch (IllegalArgumentException e) {
                problems.add(problem(file, amounts, "amounts", e.getMessage()));
            }
        });
        Optional.ofNullable(parameters.get("sinks")).ifPresent(sinks -> {
            for (String sink : scalar(sinks).split(",")) {
                Set<String> known = configuredSinks(context);
                if (!known.contains(sink.trim())) {
                    problems.add(problem(file, sinks, "sinks", "unknown sink '" + sink.trim() + "', known: " + known));
                }
            }
        });
    }

    private static String resolve(CamelContext context, String value, Path file, Node node, String key, List<ConfigProblem> problems) {
        try {
            return context.resolvePropertyPlaceholders(value);
        } catch (RuntimeException e) {
            problems.add(problem(file, node, key, oneLine(e)));
            return null;
        }
    }

    private static Optional<Map<String, Node>> mapping(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            entries.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
        }
        return Optional.of(entries);
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static ConfigProblem problem(Path file, Node node, String key, String message) {
        int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        return new ConfigProblem(file.toString(), line, key, message);
    }

    /** YAML DSL errors mention "line N" somewhere in their cause chain. */
    private static int lineOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return 0;
    }

    private static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
