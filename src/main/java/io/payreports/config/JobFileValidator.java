package io.payreports.config;

import io.payreports.reports.AmountNotation;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportModels;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.support.PluginHelper;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Checks job files without starting anything: the Camel YAML DSL must load them, and every
 * {@code templatedRoute} must name a known template, give each parameter that template declares
 * without a default and no parameter it does not declare, use a job id no other file uses, resolve
 * to a valid Quartz cron (the job's {@code payreports.jobs.<job>.cron} when set) and name declared
 * sinks. Problems carry file and line.
 */
final class JobFileValidator {

    /** A job file: where it is (for messages) and its text. */
    record JobFile(String name, String text) {}

    private static final String SANDBOX_SETTLEMENT = ReportModels.SANDBOX_SETTLEMENT;
    private static final String RECONCILIATION = "reconciliation";

    private final ModelCamelContext context;
    private final Set<String> sinks;
    private final Optional<Map<String, AccountSettings>> accounts;
    private final PayreportsSettings.KeyLocator locator;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, String> jobFiles = new LinkedHashMap<>();
    private final Map<String, String> routeFiles = new LinkedHashMap<>();
    private final Map<String, String> crons = new LinkedHashMap<>();
    private final Set<String> sinkNames = new java.util.TreeSet<>();

    /**
     * @param context  a context with the configuration's properties and the jar's route templates loaded
     * @param accounts the configured accounts; empty when their settings have problems (reported apart)
     */
    JobFileValidator(
            ModelCamelContext context,
            Set<String> sinks,
            Optional<Map<String, AccountSettings>> accounts,
            PayreportsSettings.KeyLocator locator) {
        this.context = context;
        this.sinks = sinks;
        this.accounts = accounts;
        this.locator = locator;
    }

    /** Loads the jar's route templates into {@code context}, as {@code run} does before the job files. */
    static void loadTemplates(CamelContext context) {
        try {
            for (String templates : PayreportsApplication.BUILT_IN_ROUTES) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource(templates));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the route templates of the jar: " + e.getMessage(), e);
        }
    }

    List<ConfigProblem> validate(List<JobFile> files) {
        for (JobFile file : files) {
            validateFile(file);
        }
        return problems;
    }

    /** The job ids (jobId parameters) of the files validated. */
    Set<String> jobIds() {
        return jobFiles.keySet();
    }

    /** The names the files declare sinks by (templates {@code <type>-sink}), their problems or not. */
    Set<String> sinkNames() {
        return sinkNames;
    }

    /** The cron each job fires on, as {@code run} will schedule it (of the jobs whose cron resolved). */
    Map<String, String> crons() {
        return crons;
    }

    private void validateFile(JobFile file) {
        Node root;
        try {
            root = new Composer(
                            LoadSettings.builder().build(),
                            new ParserImpl(
                                    LoadSettings.builder().build(),
                                    new StreamReader(LoadSettings.builder().build(), file.text())))
                    .getSingleNode()
                    .orElse(null);
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem(file.name(), lineOf(e), "routes", oneLine(e)));
            return;
        }
        int before = problems.size();
        if (root instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                mapping(item)
                        .flatMap(entries -> Optional.ofNullable(entries.get("templatedRoute")))
                        .ifPresent(templated -> validateTemplatedRoute(file, templated));
            }
        }
        if (problems.size() > before) {
            return; // loading it would only repeat what was found, less clearly
        }
        try {
            ConfiguredSinks.loadDeclarations(context, file);
        } catch (Exception e) {
            problems.add(new ConfigProblem(file.name(), lineOf(e), "routes", oneLine(e)));
        }
    }

    private void validateTemplatedRoute(JobFile file, Node node) {
        Map<String, Node> route = mapping(node).orElse(Map.of());
        String template = scalar(route.get("routeTemplateRef"));
        RouteTemplateDefinition definition = context.getRouteTemplateDefinition(template);
        if (definition == null) {
            List<String> known = context.getRouteTemplateDefinitions().stream()
                    .map(RouteTemplateDefinition::getId)
                    .sorted()
                    .toList();
            problems.add(problem(
                    file,
                    route.getOrDefault("routeTemplateRef", node),
                    "routeTemplateRef",
                    "unknown route template '" + template + "'"
                            + ConfigKeys.didYouMean(template, known)
                                    .map(t -> ", did you mean " + t + "?")
                                    .orElse(", known: " + known)));
            return;
        }
        Map<String, RouteTemplateParameterDefinition> declared = new LinkedHashMap<>();
        definition.getTemplateParameters().forEach(parameter -> declared.put(parameter.getName(), parameter));
        Map<String, Node> parameters = new LinkedHashMap<>();
        if (route.get("parameters") instanceof SequenceNode list) {
            for (Node parameter : list.getValue()) {
                Map<String, Node> entry = mapping(parameter).orElse(Map.of());
                String name = scalar(entry.get("name"));
                if (!declared.containsKey(name)) {
                    problems.add(problem(
                            file,
                            entry.getOrDefault("name", parameter),
                            name,
                            "unknown parameter of template '" + template + "'"
                                    + ConfigKeys.didYouMean(name, declared.keySet())
                                            .map(p -> ", did you mean " + p + "?")
                                            .orElse(", it has " + declared.keySet())));
                }
                parameters.put(name, entry.getOrDefault("value", parameter));
            }
        }
        declared.values().stream()
                .filter(p -> p.isRequired() && p.getDefaultValue() == null && !parameters.containsKey(p.getName()))
                .forEach(p -> problems.add(problem(
                        file, node, p.getName(), "required parameter of template '" + template + "' is missing")));
        if (template.endsWith("-sink") && parameters.containsKey("name")) {
            sinkNames.add(scalar(parameters.get("name")));
        }
        String jobId = Optional.ofNullable(parameters.get("jobId"))
                .map(JobFileValidator::scalar)
                .orElse("");
        unique(file, jobFiles, jobId, parameters.getOrDefault("jobId", node), "jobId");
        unique(file, routeFiles, scalar(route.get("routeId")), route.getOrDefault("routeId", node), "routeId");
        validateCron(file, jobId, parameters.get("cron"), declared.get("cron"));
        Optional.ofNullable(parameters.get("jobId")).ifPresent(id -> {
            String value = resolve(scalar(id), file, id, "jobId");
            if (value != null) {
                JobIds.problem(value).ifPresent(message -> problems.add(problem(file, id, "jobId", message)));
            }
        });
        // the reconciliation job calls no Amazon API: its account only files its runs, and needs no credentials
        Optional<AccountSettings> account = declared.containsKey("account") && !template.equals(RECONCILIATION)
                ? account(file, jobId, parameters.getOrDefault("account", node), parameters.containsKey("account"))
                : Optional.empty();
        Optional.ofNullable(parameters.get("reportType")).ifPresent(type -> {
            String reportType = resolve(scalar(type), file, type, "reportType");
            String environment = account.map(a -> a.amazonPay().environment()).orElse(null);
            // Amazon Pay guide "Downloading reports via the Amazon Pay Reports API": "Sandbox support only exists for
            // the Sandbox Settlement Report"
            if (reportType != null
                    && "sandbox".equalsIgnoreCase(environment)
                    && !reportType.equals(SANDBOX_SETTLEMENT)) {
                problems.add(problem(
                        file,
                        type,
                        "reportType",
                        "the sandbox environment only has " + SANDBOX_SETTLEMENT + ", not " + reportType));
            } else if (reportType != null && !ReportModels.reportTypes().contains(reportType)) {
                problems.add(problem(
                        file,
                        type,
                        "reportType",
                        "no reader for " + reportType + "; supported: " + ReportModels.reportTypes()));
            }
        });
        Optional.ofNullable(parameters.get("charset")).ifPresent(charset -> {
            String name = resolve(scalar(charset), file, charset, "charset");
            if (name != null && !Charset.isSupported(name)) {
                problems.add(problem(
                        file,
                        charset,
                        "charset",
                        "unknown charset '" + name + "' (e.g. UTF-8, windows-1252, ISO-8859-1, Shift_JIS)"));
            }
        });
        Optional.ofNullable(parameters.get("amounts")).ifPresent(amounts -> {
            String notation = resolve(scalar(amounts), file, amounts, "amounts");
            try {
                AmountNotation.of(notation == null ? "" : notation);
            } catch (IllegalArgumentException e) {
                problems.add(problem(file, amounts, "amounts", e.getMessage()));
            }
        });
        Optional.ofNullable(parameters.get("sinks")).ifPresent(sinkList -> {
            for (String sink : scalar(sinkList).split(",")) {
                if (!sinks.contains(sink.trim())) {
                    problems.add(problem(
                            file,
                            sinkList,
                            "sinks",
                            "undeclared sink '" + sink.trim() + "'"
                                    + ConfigKeys.didYouMean(sink.trim(), sinks)
                                            .map(s -> ", did you mean " + s + "?")
                                            .orElse("")
                                    + " (declared: " + sinks + "; declare one in routes/sinks/, see docs/sinks.md)"));
                }
            }
        });
    }

    /**
     * The account the job calls Amazon with: one the configuration declares, else a problem naming the job and the
     * accounts there are (the job would fail at every run).
     */
    private Optional<AccountSettings> account(JobFile file, String jobId, Node node, boolean given) {
        String name = given ? resolve(scalar(node), file, node, "account") : ReportContext.DEFAULT_ACCOUNT;
        if (name == null || accounts.isEmpty()) {
            return Optional.empty();
        }
        AccountSettings account = accounts.get().get(name);
        if (account == null) {
            problems.add(problem(
                    file,
                    node,
                    "account",
                    "job '" + jobId + "': "
                            + Accounts.unknown(name, accounts.get().keySet())));
        }
        return Optional.ofNullable(account);
    }

    /** Two files with one id: Camel would keep one of them and silently drop the other job. */
    private void unique(JobFile file, Map<String, String> seen, String id, Node node, String key) {
        if (id.isEmpty()) {
            return;
        }
        String first = seen.putIfAbsent(id, file.name());
        if (first != null) {
            problems.add(problem(
                    file,
                    node,
                    key,
                    "'" + id + "' is already the " + key + " of " + first + "; give each job its own"));
        }
    }

    /** The cron a job fires on: {@code payreports.jobs.<job>.cron} when set, else the job file's, else the template's default. */
    private void validateCron(JobFile file, String jobId, Node cronNode, RouteTemplateParameterDefinition declared) {
        String overrideKey = "payreports.jobs." + jobId + ".cron";
        Optional<String> override = context.getPropertiesComponent().resolveProperty(overrideKey);
        if (override.isPresent()) {
            PayreportsSettings.cronProblem(override.get())
                    .ifPresent(message -> problems.add(locator.problem(overrideKey, message)));
            crons.put(jobId, override.get());
            return;
        }
        String cron = cronNode != null
                ? resolve(scalar(cronNode), file, cronNode, "cron")
                : declared == null ? null : declared.getDefaultValue();
        if (cron != null) {
            crons.put(jobId, cron);
            PayreportsSettings.cronProblem(cron)
                    .ifPresent(message -> problems.add(
                            cronNode == null
                                    ? new ConfigProblem(file.name(), 0, "cron", message)
                                    : problem(file, cronNode, "cron", message)));
        }
    }

    private String resolve(String value, JobFile file, Node node, String key) {
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

    private static ConfigProblem problem(JobFile file, Node node, String key, String message) {
        int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        return new ConfigProblem(file.name(), line, key, message);
    }

    /** YAML DSL errors mention "line N" somewhere in their cause chain. */
    static int lineOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher matcher =
                    java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return 0;
    }

    static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
