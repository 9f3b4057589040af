package io.payreports.config;

import io.payreports.health.SinkHealthCheck;
import io.payreports.jobs.SinkRoutes;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.FileFormat;
import io.payreports.sinks.FileRecordsSink;
import io.payreports.sinks.JdbcRecordsSink;
import io.payreports.sinks.KafkaDeadLetters;
import io.payreports.sinks.KafkaRecordsSink;
import io.payreports.sinks.Reachable;
import io.payreports.sinks.RecordDeadLetters;
import io.payreports.sinks.RecordSink;
import io.payreports.sinks.Redaction;
import io.payreports.sinks.TargetPattern;
import io.payreports.sinks.UploadSink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The sinks an operator defines as {@code payreports.sinks.<name>.type = file|jdbc|sftp|s3|kafka}
 * plus that type's keys, each with its own redelivery policy ({@code .retry.*}, defaulting to
 * {@code payreports.retry.*}) and dead-letter destination. {@code file} and {@code jdbc} always
 * exist with today's defaults, so a job needs no sink configuration at all. Secrets (passwords,
 * keys) go into endpoint configuration objects, never into endpoint URIs or messages.
 */
final class ConfiguredSinks {

    static final String PREFIX = "payreports.sinks.";
    private static final Pattern SINK_KEY = Pattern.compile(Pattern.quote(PREFIX) + "([a-z0-9][a-z0-9-]*)\\.[a-z].*");
    private static final Set<String> TYPES = Set.of("file", "jdbc", "sftp", "s3", "kafka");

    final Map<String, RecordSink> sinks = new LinkedHashMap<>();
    final Map<String, SinkRoutes.Retry> retries = new LinkedHashMap<>();
    final Map<String, RecordDeadLetters> deadLetters = new LinkedHashMap<>();
    /** Where each sink delivers, for the run summary: no credentials, no query strings. */
    final Map<String, String> destinations = new LinkedHashMap<>();
    /** The sinks whose reachability is cheap to ask (file, jdbc), for their health checks. */
    final Map<String, Reachable> probes = new LinkedHashMap<>();

    private final PayreportsSettings.Reader r;
    private final PayreportsSettings settings;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final DataSources dataSources;
    private final DeadLetterWriter deadLetterFiles;
    private final Clock clock;

    private ConfiguredSinks(
            PayreportsSettings.Reader r,
            PayreportsSettings settings,
            CamelContext context,
            DataSources dataSources,
            DeadLetterWriter deadLetterFiles,
            Clock clock) {
        this.r = r;
        this.settings = settings;
        this.context = context;
        this.template = context.createProducerTemplate();
        this.dataSources = dataSources;
        this.deadLetterFiles = deadLetterFiles;
        this.clock = clock;
    }

    /** Sink names: {@code file}, {@code jdbc} and every {@code <name>} of a {@code payreports.sinks.<name>.*} key. */
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

    static ConfiguredSinks build(
            Function<String, String> lookup,
            PayreportsSettings.KeyLocator locator,
            Set<String> names,
            PayreportsSettings settings,
            CamelContext context,
            DataSources dataSources,
            DeadLetterWriter deadLetterFiles,
            Clock clock) {
        PayreportsSettings.Reader r = new PayreportsSettings.Reader(lookup, locator);
        ConfiguredSinks configured = new ConfiguredSinks(r, settings, context, dataSources, deadLetterFiles, clock);
        for (String name : names) {
            configured.add(name);
        }
        r.throwIfAny();
        return configured;
    }

    private void add(String name) {
        String p = PREFIX + name + ".";
        String type =
                r.text(p + "type", TYPES.contains(name) && (name.equals("file") || name.equals("jdbc")) ? name : "");
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
        PayreportsSettings.Retry global = settings.retry();
        retries.put(
                name,
                new SinkRoutes.Retry(
                        (int) r.number(p + "retry.maximum-redeliveries", global.maximumRedeliveries(), 0, 100),
                        r.number(p + "retry.redelivery-delay", global.redeliveryDelayMs(), 0, 3_600_000),
                        r.decimal(p + "retry.backoff-multiplier", global.backOffMultiplier()),
                        r.number(
                                p + "retry.maximum-redelivery-delay",
                                global.maximumRedeliveryDelayMs(),
                                0,
                                86_400_000)));
        Duration timeout = r.positiveDuration(p + "timeout", Duration.ofSeconds(30));
        try {
            sinks.put(
                    name,
                    switch (type) {
                        case "file" -> file(name, p);
                        case "jdbc" -> jdbc(name, p, timeout);
                        case "sftp" -> sftp(name, p, timeout);
                        case "s3" -> s3(name, p, timeout);
                        default -> kafka(name, p, timeout);
                    });
        } catch (IllegalArgumentException e) {
            r.problem(p + "type", e.getMessage());
        }
    }

    private RecordSink file(String name, String p) {
        Set<FileFormat> formats = EnumSet.noneOf(FileFormat.class);
        for (String format : r.text(p + "formats", "jsonl,csv").split(",")) {
            try {
                formats.add(FileFormat.valueOf(format.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                r.problem(
                        p + "formats",
                        "unknown format '" + format.trim() + "', use "
                                + String.join(
                                        ", ",
                                        Arrays.stream(FileFormat.values())
                                                .map(FileFormat::extension)
                                                .toList()));
            }
        }
        Path directory = Path.of(r.text(p + "directory", settings.outputDir().toString()));
        destinations.put(name, directory.toString());
        probes.put(name, SinkHealthCheck.writableFolder(directory));
        return new FileRecordsSink(
                name,
                directory,
                formats.isEmpty() ? EnumSet.allOf(FileFormat.class) : formats,
                r.bool(p + "gzip", false));
    }

    private RecordSink jdbc(String name, String p, Duration timeout) {
        String url = name.equals("jdbc") ? settings.recordsJdbcUrl() : r.jdbcUrl(p + "url");
        if (r.hasProblem(p + "url")) {
            // already reported on its key; a pool for it would only add the driver's complaint about the same URL
            return null;
        }
        destinations.put(name, Redaction.jdbcUrl(url));
        DataSource pool = dataSources.forSink(url, r.text(p + "username", null), r.text(p + "password", null), timeout);
        probes.put(name, SinkHealthCheck.connection(pool));
        return new JdbcRecordsSink(
                name,
                pool,
                (int) r.number(p + "batch-size", JdbcRecordsSink.DEFAULT_BATCH_SIZE, 1, 100_000),
                r.optionalText(p + "schema").orElse(null),
                java.util.List.of(JdbcRecordsSink.MIGRATIONS));
    }

    /**
     * Camel's sftp endpoint: strict host key checking against a known_hosts file unless turned off,
     * a temporary name renamed when complete, directories created as needed, one connection per
     * upload (a connection kept across an outage would only fail the next attempt), and no
     * reconnects of its own: the sink's retries decide.
     */
    private RecordSink sftp(String name, String p, Duration timeout) {
        String host = r.required(p + "host");
        long port = r.number(p + "port", 22, 1, 65535);
        boolean strict = r.bool(p + "strict-host-key-checking", true);
        String knownHosts = r.text(
                p + "known-hosts-file",
                Path.of(System.getProperty("user.home"), ".ssh", "known_hosts").toString());
        destinations.put(
                name,
                "sftp://" + host + ":" + port + "/"
                        + r.text(p + "directory", "").replaceFirst("^/", ""));
        String uri = "sftp://" + host + ":" + port + "/"
                + r.text(p + "directory", "").replaceFirst("^/", "")
                + "?username=" + r.required(p + "username")
                + "&strictHostKeyChecking=" + (strict ? "yes" : "no")
                + "&useUserKnownHostsFile=false&knownHostsFile=" + knownHosts
                + "&tempFileName=.${file:onlyname}.part&fileExist=Override&autoCreate=true&disconnect=true"
                + "&maximumReconnectAttempts=0&connectTimeout=" + timeout.toMillis() + "&timeout=" + timeout.toMillis()
                + "&serverAliveInterval=0&binary=true";
        // created now to receive the secrets, which thus never appear in the URI
        SftpEndpoint endpoint = context.getEndpoint(uri, SftpEndpoint.class);
        r.optionalText(p + "password").ifPresent(endpoint.getConfiguration()::setPassword);
        r.optionalText(p + "private-key-file").ifPresent(endpoint.getConfiguration()::setPrivateKeyFile);
        r.optionalText(p + "private-key-passphrase").ifPresent(endpoint.getConfiguration()::setPrivateKeyPassphrase);
        if (endpoint.getConfiguration().getPassword() == null
                && endpoint.getConfiguration().getPrivateKeyFile() == null) {
            r.problem(p + "password", "set a password or " + p + "private-key-file");
        }
        return new UploadSink(
                name,
                template,
                uri,
                Exchange.FILE_NAME,
                new TargetPattern(r.text(p + "path", "{reportType}/{yyyy}/{MM}/{reportId}.csv"), clock),
                settings.dataDir().resolve("spool"),
                () -> login(endpoint));
    }

    /**
     * Camel's aws2-s3 endpoint with a client of our own: credentials from the keys if given, else
     * the SDK's default chain (environment, profile, instance role); the SDK's own retries off so
     * that the sink's retries decide; checksums only where S3 requires them, as S3-compatible
     * stores do not all accept the newer checksum headers.
     */
    private RecordSink s3(String name, String p, Duration timeout) {
        String bucket = r.required(p + "bucket");
        destinations.put(
                name,
                "s3://" + bucket
                        + r.optionalText(p + "endpoint")
                                .map(endpoint -> " at " + endpoint)
                                .orElse(""));
        S3ClientBuilder client = S3Client.builder()
                .region(Region.of(r.text(p + "region", "us-east-1")))
                .forcePathStyle(r.bool(p + "path-style", false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallAttemptTimeout(timeout));
        r.optionalText(p + "endpoint").ifPresent(endpoint -> client.endpointOverride(URI.create(endpoint)));
        client.credentialsProvider(credentials(p));
        String clientBean = "payreportsS3Client-" + name;
        S3Client s3 = client.build();
        context.getRegistry().bind(clientBean, s3);
        String sse = r.text(p + "server-side-encryption", "none");
        String uri = "aws2-s3://" + bucket + "?amazonS3Client=#" + clientBean + "&autoCreateBucket=false"
                + "&multiPartUpload=true&partSize=" + r.size(p + "multipart-part-size", 16L << 20)
                + switch (sse) {
                    case "none" -> "";
                    case "AES256" -> "&useSSES3=true";
                    case "aws:kms" ->
                        "&useAwsKMS=true"
                                + r.optionalText(p + "kms-key-id")
                                        .map(id -> "&awsKMSKeyId=" + id)
                                        .orElse("");
                    default -> {
                        r.problem(p + "server-side-encryption", "must be none, AES256 or aws:kms, not '" + sse + "'");
                        yield "";
                    }
                };
        return new UploadSink(
                name,
                template,
                uri,
                AWS2S3Constants.KEY,
                new TargetPattern(r.text(p + "key", "{reportType}/{yyyy}/{MM}/{reportId}.jsonl"), clock),
                settings.dataDir().resolve("spool"),
                () -> {
                    s3.headBucket(head -> head.bucket(bucket));
                    return "bucket " + bucket + " answers";
                });
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

    private AwsCredentialsProvider credentials(String p) {
        var accessKey = r.optionalText(p + "access-key");
        var secretKey = r.optionalText(p + "secret-key");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            r.problem(
                    p + "access-key",
                    "set both " + p + "access-key and " + p + "secret-key, or neither (default credentials)");
        }
        return accessKey.isPresent() && secretKey.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                : DefaultCredentialsProvider.builder().build();
    }

    /** A transactional, idempotent producer with {@code acks=all}; {@code timeout} bounds a wait for brokers that are down. */
    private RecordSink kafka(String name, String p, Duration timeout) {
        KafkaRecordsSink sink = new KafkaRecordsSink(
                name, r.required(p + "bootstrap-servers"), r.text(p + "topic", "payreports.{layout}"), timeout);
        destinations.put(
                name,
                "kafka topic " + r.text(p + "topic", "payreports.{layout}") + " at "
                        + r.text(p + "bootstrap-servers", ""));
        r.optionalText(p + "dead-letter-topic")
                .ifPresent(topic -> deadLetters.put(name, new KafkaDeadLetters(sink, topic, deadLetterFiles, clock)));
        return sink;
    }
}
