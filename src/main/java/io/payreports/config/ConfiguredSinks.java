package io.payreports.config;

import io.payreports.health.SinkHealthCheck;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.Encoding;
import io.payreports.sinks.JdbcRecordsSink;
import io.payreports.sinks.KafkaDeadLetters;
import io.payreports.sinks.KafkaRecordsSink;
import io.payreports.sinks.KafkaSecurity;
import io.payreports.sinks.Reachable;
import io.payreports.sinks.RecordDeadLetters;
import io.payreports.sinks.RecordSink;
import io.payreports.sinks.Redaction;
import io.payreports.sinks.SinkParameterException;
import io.payreports.sinks.TargetPattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.TimeUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The sinks: routes of the sink templates ({@code camel/sinks/<type>.yaml}), declared by
 * {@code templatedRoute} files ({@code routes/sinks/*.yaml}) or, as before those files, by
 * {@code payreports.sinks.<name>.type} plus that type's keys, which become the template's parameters.
 * {@code file} and {@code jdbc} always exist. Each route writes its endpoint and redelivery out in YAML;
 * this class adds what the routes call: the jdbc and kafka writers, the S3 client, and per sink where it
 * delivers (no credentials) and how to ask whether it answers, for its health check.
 */
final class ConfiguredSinks {

    static final String PREFIX = "payreports.sinks.";
    private static final Pattern SINK_KEY = Pattern.compile(Pattern.quote(PREFIX) + "([a-z0-9][a-z0-9-]*)\\.[a-z].*");
    private static final List<String> TYPES = List.of("file", "jdbc", "sftp", "s3", "kafka");
    /** Parameters whose empty value is one: the current folder, no hostname checking of the brokers. */
    private static final Set<String> EMPTY_MEANS_SOMETHING = Set.of("directory", "sslEndpointIdentificationAlgorithm");
    /** How long a remote sink's health answer stands before its server is asked again. */
    static final Duration REMOTE_ANSWER_STANDS = Duration.ofMinutes(1);
    /** The group every sink template gives its route: {@code <type>-sink}. */
    private static final String GROUP = "-sink";

    /** The sink templates, loaded before any declaration. */
    static final List<String> TEMPLATES = TYPES.stream()
            .map(type -> "classpath:camel/sinks/" + type + ".yaml")
            .toList();

    /** The writers of the sinks whose records Java writes (jdbc, kafka). */
    final Map<String, RecordSink> sinks = new LinkedHashMap<>();

    final Map<String, RecordDeadLetters> deadLetters = new LinkedHashMap<>();
    /** Where each sink delivers, for the run summary: no credentials, no query strings. */
    final Map<String, String> destinations = new LinkedHashMap<>();
    /** How to ask each sink whether it answers, for its health check. */
    final Map<String, Reachable> probes = new LinkedHashMap<>();
    /** The remote sinks (sftp, s3, kafka), asked by {@code validate --connect} too: their probes. */
    final Map<String, Reachable> remotes = new LinkedHashMap<>();
    /** The type of each sink: its template without {@code -sink}. */
    final Map<String, String> types = new LinkedHashMap<>();
    /** The template parameters of each sink, resolved, for {@code validate --connect}. */
    final Map<String, Map<String, String>> parameters = new LinkedHashMap<>();

    /** Problems of sinks declared by files, named by the file. */
    private final List<ConfigProblem> declarationProblems = new ArrayList<>();

    private final PayreportsSettings.Reader r;
    private final PayreportsSettings settings;
    private final ModelCamelContext context;
    private final DataSources dataSources;
    private final DeadLetterWriter deadLetterFiles;
    private final Clock clock;

    private ConfiguredSinks(
            PayreportsSettings.Reader r,
            PayreportsSettings settings,
            ModelCamelContext context,
            DataSources dataSources,
            DeadLetterWriter deadLetterFiles,
            Clock clock) {
        this.r = r;
        this.settings = settings;
        this.context = context;
        this.dataSources = dataSources;
        this.deadLetterFiles = deadLetterFiles;
        this.clock = clock;
    }

    /** Sink names of the properties: {@code file}, {@code jdbc} and every {@code <name>} of a {@code payreports.sinks.<name>.*} key. */
    static Set<String> names(Set<String> propertyKeys) {
        Set<String> names = new TreeSet<>(Set.of("file", "jdbc"));
        for (String key : propertyKeys) {
            Matcher sink = SINK_KEY.matcher(key);
            if (sink.matches()) {
                names.add(sink.group(1));
            }
        }
        return names;
    }

    /** Loads the sink templates and then the declaration files of {@code routes/sinks/}, as {@code run} does. */
    static void load(CamelContext context, List<JobFileValidator.JobFile> declarations) {
        try {
            for (String template : TEMPLATES) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource(template));
            }
            for (JobFileValidator.JobFile file : declarations) {
                loadDeclarations(context, file);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the sinks: " + JobFileValidator.oneLine(e), e);
        }
    }

    /**
     * Loads the routes of a file; the sink routes it declares are told their file, which a route made from a
     * {@code templatedRoute} does not know, so that a problem of such a sink names the file.
     */
    static void loadDeclarations(CamelContext context, JobFileValidator.JobFile file) throws Exception {
        Resource resource = ResourceHelper.fromString(file.name(), file.text());
        Set<String> before = Set.copyOf(declared((ModelCamelContext) context).keySet());
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        declared((ModelCamelContext) context).forEach((name, route) -> {
            if (!before.contains(name) && route.getResource() == null) {
                route.setResource(resource);
            }
        });
    }

    /** The declaration files, {@code <routes>/sinks/*.yaml}, in name order. */
    static List<JobFileValidator.JobFile> declarationFiles(Optional<Path> routesDir) {
        List<JobFileValidator.JobFile> files = new ArrayList<>();
        Optional<Path> folder = routesDir.map(dir -> dir.resolve("sinks")).filter(Files::isDirectory);
        if (folder.isPresent()) {
            try (DirectoryStream<Path> yaml = Files.newDirectoryStream(folder.get(), "*.yaml")) {
                for (Path file : yaml) {
                    files.add(new JobFileValidator.JobFile(
                            file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sink declarations: " + e.getMessage(), e);
            }
        }
        files.sort(Comparator.comparing(JobFileValidator.JobFile::name));
        return files;
    }

    /** The sink routes declared so far, by sink name. */
    static Map<String, RouteDefinition> declared(ModelCamelContext context) {
        Map<String, RouteDefinition> routes = new LinkedHashMap<>();
        for (RouteDefinition route : context.getRouteDefinitions()) {
            if (route.getGroup() != null && route.getGroup().endsWith(GROUP) && route.getTemplateParameters() != null) {
                routes.put(String.valueOf(route.getTemplateParameters().get("name")), route);
            }
        }
        return routes;
    }

    /**
     * Declares the sinks of {@code propertyNames} that no file declares as routes of their template, then
     * builds what every sink route calls.
     */
    static ConfiguredSinks build(
            Function<String, String> lookup,
            PayreportsSettings.KeyLocator locator,
            Set<String> propertyNames,
            PayreportsSettings settings,
            CamelContext camel,
            DataSources dataSources,
            DeadLetterWriter deadLetterFiles,
            Clock clock) {
        PayreportsSettings.Reader r = new PayreportsSettings.Reader(lookup, locator);
        ModelCamelContext context = (ModelCamelContext) camel;
        ConfiguredSinks configured = new ConfiguredSinks(r, settings, context, dataSources, deadLetterFiles, clock);
        Set<String> inFiles = declared(context).keySet();
        for (String name : propertyNames) {
            if (!inFiles.contains(name)) {
                configured.declare(name);
            }
        }
        declared(context).forEach((name, route) -> {
            if (!r.hasProblem(PREFIX + name + ".type")) {
                configured.add(name, route);
            }
        });
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            r.throwIfAny();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(configured.declarationProblems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return configured;
    }

    /** A sink of {@code payreports.sinks.<name>.*} keys: the keys become the parameters of the type's template. */
    private void declare(String name) {
        String p = PREFIX + name + ".";
        String type = r.text(p + "type", name.equals("file") || name.equals("jdbc") ? name : "");
        if (!TYPES.contains(type)) {
            // a database product is the commonest guess: its sink is jdbc with the product's URL
            r.problem(
                    p + "type",
                    "must be one of file, jdbc, sftp, s3, kafka, not '" + type + "'"
                            + (type.matches("(?i)postgres.*|h2|mysql|database|db")
                                    ? " (a database is type jdbc with " + p + "url)"
                                    : ""));
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", name);
        PropertyParameters keys = new PropertyParameters(p, parameters);
        keys.number("retry.maximum-redeliveries", "maximumRedeliveries", 0, 100);
        keys.number("retry.redelivery-delay", "redeliveryDelay", 0, 3_600_000);
        r.optionalText(p + "retry.backoff-multiplier")
                .ifPresent(value -> parameters.put(
                        "backoffMultiplier", String.valueOf(r.decimal(p + "retry.backoff-multiplier", 2))));
        keys.number("retry.maximum-redelivery-delay", "maximumRedeliveryDelay", 0, 86_400_000);
        if (!type.equals("file")) {
            r.optionalText(p + "timeout")
                    .ifPresent(value -> parameters.put(
                            "timeout",
                            r.positiveDuration(p + "timeout", Duration.ofSeconds(30))
                                            .toMillis() + "ms"));
        }
        switch (type) {
            case "file" -> {
                keys.text("directory", "directory");
                keys.text("formats", "formats");
                keys.text("gzip", "gzip");
            }
            case "jdbc" -> {
                if (name.equals("jdbc")) {
                    parameters.put("url", settings.recordsJdbcUrl());
                } else {
                    keys.required("url", "url", r.jdbcUrl(p + "url"));
                }
                keys.text("username", "username");
                keys.text("password", "password");
                keys.text("schema", "schema");
                keys.number("batch-size", "batchSize", 1, 100_000);
            }
            case "sftp" -> {
                keys.required("host", "host", r.required(p + "host"));
                keys.number("port", "port", 1, 65535);
                keys.required("username", "username", r.required(p + "username"));
                keys.text("password", "password");
                keys.text("private-key-file", "privateKeyFile");
                keys.text("private-key-passphrase", "privateKeyPassphrase");
                keys.text("known-hosts-file", "knownHostsFile");
                if (r.optionalText(p + "strict-host-key-checking").isPresent()) {
                    parameters.put(
                            "strictHostKeyChecking", r.bool(p + "strict-host-key-checking", true) ? "yes" : "no");
                }
                keys.text("directory", "directory");
                keys.text("path", "path");
            }
            case "s3" -> {
                keys.required("bucket", "bucket", r.required(p + "bucket"));
                keys.text("region", "region");
                keys.text("endpoint", "endpoint");
                keys.text("path-style", "pathStyle");
                keys.text("access-key", "accessKey");
                keys.text("secret-key", "secretKey");
                keys.text("key", "key");
                if (r.optionalText(p + "multipart-part-size").isPresent()) {
                    parameters.put("partSize", String.valueOf(r.size(p + "multipart-part-size", 16L << 20)));
                }
                String sse = r.text(p + "server-side-encryption", "none");
                switch (sse) {
                    case "none" -> {}
                    case "AES256" -> parameters.put("useSSES3", "true");
                    case "aws:kms" -> parameters.put("useAwsKMS", "true");
                    default ->
                        r.problem(p + "server-side-encryption", "must be none, AES256 or aws:kms, not '" + sse + "'");
                }
                keys.text("kms-key-id", "kmsKeyId");
            }
            default -> {
                keys.required("bootstrap-servers", "bootstrapServers", r.required(p + "bootstrap-servers"));
                keys.text("topic", "topic");
                keys.text("dead-letter-topic", "deadLetterTopic");
                for (String parameter : KafkaSecurity.PARAMETERS) {
                    if (EMPTY_MEANS_SOMETHING.contains(parameter)) {
                        r.asSet(p + option(parameter)).ifPresent(value -> parameters.put(parameter, value));
                    } else {
                        keys.text(option(parameter), parameter);
                    }
                }
            }
        }
        if (keys.missing) {
            return; // already reported on its key
        }
        try {
            TemplatedRouteBuilder route =
                    TemplatedRouteBuilder.builder(context, type + GROUP).routeId("payreports-sink-" + name);
            parameters.forEach(route::parameter);
            route.add();
        } catch (RuntimeException e) {
            r.problem(p + "type", JobFileValidator.oneLine(e));
        }
    }

    /** Copies the keys that are set, as they are or checked as numbers, into template parameters. */
    private final class PropertyParameters {
        private final String prefix;
        private final Map<String, String> parameters;
        /** A required key is missing or wrong. */
        private boolean missing;

        PropertyParameters(String prefix, Map<String, String> parameters) {
            this.prefix = prefix;
            this.parameters = parameters;
        }

        void required(String option, String parameter, String value) {
            missing |= value == null || r.hasProblem(prefix + option);
            parameters.put(parameter, value);
        }

        void text(String option, String parameter) {
            r.optionalText(prefix + option).ifPresent(value -> parameters.put(parameter, value));
        }

        void number(String option, String parameter, long min, long max) {
            r.optionalText(prefix + option)
                    .ifPresent(
                            value -> parameters.put(parameter, String.valueOf(r.number(prefix + option, 0, min, max))));
        }
    }

    /** What the route of sink {@code name} calls, from its template parameters. */
    private void add(String name, RouteDefinition route) {
        String type = route.getGroup().substring(0, route.getGroup().length() - GROUP.length());
        types.put(name, type);
        if (route.getId() == null) {
            route.setId("payreports-sink-" + name); // a declaration file need not name its route
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String key = PREFIX + name + ".";
        try {
            // an optional secret given as {{env:NAME:}} is empty when unset: as good as not given
            route.getTemplateParameters().forEach((parameter, value) -> {
                String resolved = context.resolvePropertyPlaceholders(String.valueOf(value));
                if (!resolved.isBlank() || EMPTY_MEANS_SOMETHING.contains(parameter)) {
                    parameters.put(parameter, resolved);
                }
            });
            this.parameters.put(name, parameters);
            switch (type) {
                case "file" -> file(name, parameters);
                case "jdbc" -> jdbc(name, parameters);
                case "sftp" -> sftp(name, parameters, route);
                case "s3" -> s3(name, parameters);
                default -> kafka(name, parameters);
            }
        } catch (RuntimeException e) { // a placeholder that does not resolve, a value the sink cannot take
            if (route.getResource() != null) {
                declarationProblems.add(new ConfigProblem(
                        route.getResource().getLocation(), 0, "sink " + name, JobFileValidator.oneLine(e)));
            } else if (e instanceof SinkParameterException wrong) {
                r.problem(key + option(wrong.parameter()), "sink " + name + ": " + wrong.getMessage());
            } else {
                r.problem(key + "type", "sink " + name + ": " + e.getMessage());
            }
        }
    }

    /** The key option of a template parameter: {@code security-protocol} for {@code securityProtocol}. */
    private static String option(String parameter) {
        return parameter.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private void file(String name, Map<String, String> parameters) {
        for (String format : parameters.get("formats").split(",")) {
            Encoding.parse(format);
        }
        Path directory = Path.of(parameters.get("directory"));
        destinations.put(name, directory.toString());
        probes.put(name, SinkHealthCheck.writableFolder(directory));
    }

    private void jdbc(String name, Map<String, String> parameters) {
        String url = parameters.get("url");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        destinations.put(name, Redaction.jdbcUrl(url));
        DataSource pool = dataSources.forSink(
                url,
                parameters.get("username"),
                parameters.get("password"),
                Duration.ofMillis(TimeUtils.toMilliSeconds(parameters.get("timeout"))));
        probes.put(name, SinkHealthCheck.connection(pool));
        sinks.put(
                name,
                new JdbcRecordsSink(
                        name,
                        pool,
                        Integer.parseInt(parameters.get("batchSize")),
                        parameters.get("schema"),
                        List.of(JdbcRecordsSink.MIGRATIONS)));
    }

    private void sftp(String name, Map<String, String> parameters, RouteDefinition route) {
        new TargetPattern(parameters.get("path"), clock).encoding();
        if (parameters.get("password") == null && parameters.get("privateKeyFile") == null) {
            throw new IllegalArgumentException("set a password or a private key file (privateKeyFile)");
        }
        destinations.put(
                name,
                "sftp://" + parameters.get("host") + ":" + parameters.get("port") + "/"
                        + parameters.get("directory").replaceFirst("^/", ""));
        // resolved once, now: resolving pushes the parameters onto the context's local properties, shared by
        // every thread, which a health probe must not do while the routes resolve theirs
        SftpEndpoint endpoint = endpoint(route, parameters, SftpEndpoint.class);
        remote(name, () -> login(endpoint));
    }

    /** A sink on a server: its probe is its health check's and {@code validate --connect}'s. */
    private void remote(String name, Reachable probe) {
        probes.put(name, probe);
        remotes.put(name, probe);
    }

    /**
     * The health check of each sink, {@code sink-<name>}, asking its probe, by sink name. A server's answer stands
     * for {@link #REMOTE_ANSWER_STANDS}: a bank's SFTP server is not logged in to on every poll of the health.
     */
    Map<String, SinkHealthCheck> healthChecks() {
        Map<String, SinkHealthCheck> checks = new LinkedHashMap<>();
        probes.forEach((name, probe) -> checks.put(
                name,
                new SinkHealthCheck(
                        name,
                        destinations.get(name),
                        probe,
                        remotes.containsKey(name) ? REMOTE_ANSWER_STANDS : Duration.ZERO)));
        return checks;
    }

    /** The endpoint of the route's {@code to}, as the route will create it. */
    private <T extends org.apache.camel.Endpoint> T endpoint(
            RouteDefinition route, Map<String, String> parameters, Class<T> type) {
        String uri = route.getOutputs().stream()
                .filter(ToDefinition.class::isInstance)
                .map(to -> ((ToDefinition) to).getEndpointUri())
                .reduce((first, last) -> last)
                .orElseThrow();
        Properties local = new Properties();
        local.putAll(parameters);
        context.getPropertiesComponent().setLocalProperties(local);
        try {
            return context.getEndpoint(context.resolvePropertyPlaceholders(uri), type);
        } finally {
            context.getPropertiesComponent().setLocalProperties(null);
        }
    }

    /** Logs in the way an upload does (host key, password or key), changes nothing, logs out. */
    private static String login(SftpEndpoint endpoint) {
        RemoteFileOperations<?> operations = endpoint.createRemoteFileOperations();
        try {
            operations.connect(endpoint.getConfiguration(), null);
            return "logged in to " + endpoint.getConfiguration().getHost() + ":"
                    + endpoint.getConfiguration().getPort() + " as "
                    + endpoint.getConfiguration().getUsername();
        } finally {
            operations.disconnect();
        }
    }

    /**
     * The route's aws2-s3 endpoint uses a client of our own: credentials from the keys if given, else the
     * SDK's default chain; the SDK's own retries off so that the route's redeliveries decide; checksums only
     * where S3 requires them, as S3-compatible stores do not all accept the newer checksum headers.
     */
    private void s3(String name, Map<String, String> parameters) {
        new TargetPattern(parameters.get("key"), clock).encoding();
        String bucket = parameters.get("bucket");
        Optional<String> endpoint = Optional.ofNullable(parameters.get("endpoint"));
        destinations.put(name, "s3://" + bucket + endpoint.map(e -> " at " + e).orElse(""));
        Duration timeout = Duration.ofMillis(TimeUtils.toMilliSeconds(parameters.get("timeout")));
        S3ClientBuilder client = S3Client.builder()
                .region(Region.of(parameters.get("region")))
                .forcePathStyle(Boolean.parseBoolean(parameters.get("pathStyle")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallAttemptTimeout(timeout));
        endpoint.ifPresent(uri -> client.endpointOverride(URI.create(uri)));
        String accessKey = parameters.get("accessKey");
        String secretKey = parameters.get("secretKey");
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException(
                    "set both the access key and the secret key, or neither (default credentials)");
        }
        client.credentialsProvider(
                accessKey != null && secretKey != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
                        : DefaultCredentialsProvider.builder().build());
        S3Client s3 = client.build();
        context.getRegistry().bind("payreportsS3Client-" + name, s3);
        remote(name, () -> headBucket(s3, bucket));
    }

    /**
     * A HEAD of the bucket, the cheapest request that needs both the keys and the bucket; its answer has no
     * body, so the status is put in words.
     */
    private static String headBucket(S3Client s3, String bucket) throws IOException {
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return "bucket " + bucket + " answers";
        } catch (S3Exception e) {
            String status = switch (e.statusCode()) {
                case 301 -> "is in another region";
                case 403 -> "refuses these credentials (wrong keys or no permission)";
                case 404 -> "does not exist";
                default -> "answered HTTP " + e.statusCode();
            };
            throw new IOException("bucket " + bucket + " " + status, e);
        }
    }

    /**
     * A transactional, idempotent producer with {@code acks=all}; {@code timeout} bounds a wait for brokers that are
     * down. Its TLS and SASL parameters go to the producers and the probe alike; the destination shows none of them.
     */
    private void kafka(String name, Map<String, String> parameters) {
        KafkaRecordsSink sink = new KafkaRecordsSink(
                name,
                parameters.get("bootstrapServers"),
                parameters.get("topic"),
                Duration.ofMillis(TimeUtils.toMilliSeconds(parameters.get("timeout"))),
                KafkaSecurity.of(parameters));
        sinks.put(name, sink);
        remote(name, sink);
        destinations.put(name, "kafka topic " + parameters.get("topic") + " at " + parameters.get("bootstrapServers"));
        Optional.ofNullable(parameters.get("deadLetterTopic"))
                .ifPresent(topic -> deadLetters.put(name, new KafkaDeadLetters(sink, topic, deadLetterFiles, clock)));
    }
}
