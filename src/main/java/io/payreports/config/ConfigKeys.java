package io.payreports.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every {@code payreports.*} key there is: what {@code validate} and {@code run} accept (anything else
 * is an unknown key, with a "did you mean"), and the source of docs/configuration.md. A key the code
 * reads is registered here with one {@code key(...)} line; {@code ConfigKeysTest} fails for one that is not.
 */
public final class ConfigKeys {

    /** A key, its default as an operator would write it, and what it does. */
    public record Key(String name, String defaultValue, String description) {}

    /** An option of a sink type: {@code payreports.sinks.<name>.<option>}. */
    public record SinkOption(String option, String defaultValue, boolean required, String description) {}

    public static final List<Key> KEYS = List.of(
            key(
                    "payreports.amazonpay.endpoint",
                    "the region's",
                    "Amazon Pay API base URL override, e.g. http://127.0.0.1:8443 for a simulator"),
            key("payreports.amazonpay.region", "na", "Amazon Pay region: na, eu, jp"),
            key("payreports.amazonpay.environment", "live", "live or sandbox"),
            key(
                    "payreports.amazonpay.public-key-id",
                    "",
                    "public key id from Seller Central; empty = demo mode (built-in simulator)"),
            key(
                    "payreports.amazonpay.private-key-file",
                    "",
                    "PEM private key (PKCS#8 or PKCS#1) of that public key id"),
            key("payreports.amazonpay.connect-timeout", "10s", "connect timeout of Amazon Pay and MWS calls"),
            key("payreports.amazonpay.read-timeout", "60s", "read timeout of Amazon Pay and MWS calls"),
            key(
                    "payreports.amazonpay.document-hosts",
                    "*.amazonaws.com,*.amazon.com",
                    "hosts report documents may be downloaded from (https only)"),
            key(
                    "payreports.amazonpay.document-url-validity",
                    "25s",
                    "age after which a document URL is replaced by a fresh one before downloading"),
            key(
                    "payreports.amazonpay.document-url-attempts",
                    "3",
                    "fresh document URLs one download tries when they expire"),
            key("payreports.allow-insecure-http", "false", "allow http:// endpoints that are not loopback addresses"),
            key("payreports.mws.endpoint", "the region's", "MWS base URL override"),
            key("payreports.mws.region", "na", "MWS region: na, eu, jp"),
            key("payreports.mws.access-key-id", "", "MWS access key id; empty = demo mode (built-in MWS simulator)"),
            key("payreports.mws.secret-key", "", "MWS secret key"),
            key("payreports.mws.seller-id", "", "MWS seller (merchant) id"),
            key("payreports.mws.auth-token", "", "MWS auth token, when calling for another seller"),
            key("payreports.spapi.region", "na", "Selling Partner API region: na, eu, fe"),
            key("payreports.spapi.endpoint", "the region's", "SP-API base URL override"),
            key("payreports.spapi.lwa-endpoint", "Amazon's", "Login with Amazon token URL override"),
            key("payreports.spapi.client-id", "", "LWA client id; empty = demo mode (built-in SP-API simulator)"),
            key("payreports.spapi.client-secret", "", "LWA client secret"),
            key("payreports.spapi.refresh-token", "", "LWA refresh token of the selling partner"),
            key("payreports.spapi.connect-timeout", "10s", "connect timeout of SP-API calls"),
            key("payreports.spapi.read-timeout", "60s", "read timeout of SP-API calls"),
            key(
                    "payreports.spapi.transactions.lookback",
                    "48h",
                    "how far before the watermark every transactions run reads again (late postings)"),
            key("payreports.spapi.transactions.first-run-days", "400", "days the first transactions run reads"),
            key(
                    "payreports.spapi.payouts.allowed",
                    "",
                    "marketplaceId:accountType pairs on-demand payouts may be initiated for"),
            // named accounts (docs/accounts.md); the single-account keys above are the account "default"
            key("payreports.accounts.<name>.amazonpay.region", "na", "Amazon Pay region of the account: na, eu, jp"),
            key("payreports.accounts.<name>.amazonpay.environment", "live", "live or sandbox"),
            key(
                    "payreports.accounts.<name>.amazonpay.public-key-id",
                    "",
                    "public key id of the account; empty = demo mode (built-in simulator)"),
            key("payreports.accounts.<name>.amazonpay.private-key-file", "", "PEM private key of that public key id"),
            key(
                    "payreports.accounts.<name>.amazonpay.endpoint",
                    "the region's",
                    "Amazon Pay API base URL override of the account"),
            key(
                    "payreports.accounts.<name>.spapi.region",
                    "na",
                    "Selling Partner API region of the account: na, eu, fe"),
            key(
                    "payreports.accounts.<name>.spapi.client-id",
                    "",
                    "LWA client id; empty = demo mode (built-in SP-API simulator)"),
            key(
                    "payreports.accounts.<name>.spapi.client-secret",
                    "",
                    "LWA client secret (from the environment: {{env:NAME}})"),
            key(
                    "payreports.accounts.<name>.spapi.refresh-token",
                    "",
                    "LWA refresh token of the account (from the environment: {{env:NAME}})"),
            key("payreports.accounts.<name>.spapi.endpoint", "the region's", "SP-API base URL override of the account"),
            key(
                    "payreports.accounts.<name>.spapi.lwa-endpoint",
                    "Amazon's",
                    "Login with Amazon token URL override of the account"),
            key("payreports.accounts.<name>.mws.region", "na", "MWS region of the account: na, eu, jp"),
            key(
                    "payreports.accounts.<name>.mws.access-key-id",
                    "",
                    "MWS access key id; empty = demo mode (built-in MWS simulator)"),
            key("payreports.accounts.<name>.mws.secret-key", "", "MWS secret key (from the environment: {{env:NAME}})"),
            key("payreports.accounts.<name>.mws.seller-id", "", "MWS seller (merchant) id of the account"),
            key("payreports.accounts.<name>.mws.auth-token", "", "MWS auth token, when calling for another seller"),
            key("payreports.accounts.<name>.mws.endpoint", "the region's", "MWS base URL override of the account"),
            key("payreports.cluster.enabled", "false", "clustered Quartz scheduling on the PostgreSQL state database"),
            key("payreports.cluster.checkin-interval", "5000", "milliseconds between a clustered node's check-ins"),
            key(
                    "payreports.status.replay-token",
                    "",
                    "token the operator page's replay button asks for (16+ characters); empty = no replay from the page"),
            key("payreports.output-dir", "./out", "where the file sink writes and dead letters go"),
            key("payreports.data-dir", "./data", "embedded database, spool files and demo keys"),
            key(
                    "payreports.state.jdbc-url",
                    "jdbc:h2:file:./data/payreports",
                    "state database: delivered reports, watermarks, Quartz (PostgreSQL for two nodes)"),
            key("payreports.retry.maximum-redeliveries", "3", "redeliveries of API calls, downloads and sinks"),
            key("payreports.retry.redelivery-delay", "1000", "first redelivery delay, milliseconds"),
            key("payreports.retry.backoff-multiplier", "2", "growth of the delay between redeliveries"),
            key("payreports.retry.maximum-redelivery-delay", "60000", "longest redelivery delay, milliseconds"),
            key("payreports.reports.max-download-size", "4g", "largest report document downloaded"),
            key("payreports.reports.max-uncompressed-size", "16g", "largest report document once decompressed"),
            key("payreports.reports.max-compression-ratio", "200", "largest uncompressed/compressed ratio (zip bombs)"),
            key("payreports.reports.max-line-length", "1m", "longest line of a report document"),
            key(
                    "payreports.http.call-deadline",
                    "3m",
                    "longest one API call may take, body included (a trickling peer is cut off)"),
            key(
                    "payreports.http.download-min-rate",
                    "8k",
                    "slowest average rate of a report download after the grace, bytes/s"),
            key("payreports.http.download-grace", "60s", "time a report download may take before its rate is checked"),
            key("payreports.paging.max-pages", "10000", "most pages of one listing (a repeated nextToken ends it too)"),
            key("payreports.paging.max-items", "1000000", "most items of one listing"),
            key(
                    "payreports.reconciliation.amount-tolerance",
                    "0",
                    "largest difference reconciliation accepts, in the currency's smallest unit (cents; yen for JPY)"),
            key(
                    "payreports.reconciliation.payout-window-days",
                    "5",
                    "days a payout may lie from its settlement's transfer when matched by amount"),
            key(
                    "payreports.reconciliation.unsettled-capture-days",
                    "14",
                    "days after which a capture or refund in no settlement is a reconciliation difference"),
            key(
                    "payreports.demo.faults",
                    "",
                    "demo mode: faults the built-in simulator injects, as simulator --faults (e.g. held-reserve)"),
            key(
                    "payreports.dead-letter.max-rows-per-file",
                    "1000",
                    "rejected rows shown in one dead-letter file (one per report and reason); the rest are counted"),
            key(
                    "payreports.run.deadline",
                    "1h",
                    "longest one run of a job may take; then it ends FAILED naming what it had not finished"),
            key(
                    ConfigKeys.JOB_CRON,
                    "the job file's cron",
                    "Quartz cron of the job with that jobId, overriding the one in its job file"));

    static final String JOB_CRON = "payreports.jobs.<job>.cron";

    /** Options every sink has, whatever its type. */
    static final List<SinkOption> COMMON_SINK_OPTIONS = List.of(
            option("type", "file or jdbc for sinks named so", false, "file, jdbc, sftp, s3 or kafka"),
            option("timeout", "30s", false, "longest wait for the destination in one attempt"),
            option("retry.maximum-redeliveries", "payreports.retry.*", false, "this sink's redeliveries"),
            option(
                    "retry.redelivery-delay",
                    "payreports.retry.*",
                    false,
                    "this sink's first redelivery delay, milliseconds"),
            option("retry.backoff-multiplier", "payreports.retry.*", false, "this sink's delay growth"),
            option(
                    "retry.maximum-redelivery-delay",
                    "payreports.retry.*",
                    false,
                    "this sink's longest redelivery delay, milliseconds"));

    /** The options of each sink type, in the order the documentation lists them. */
    public static final Map<String, List<SinkOption>> SINK_OPTIONS = Map.of(
            "file",
                    List.of(
                            option("directory", "payreports.output-dir", false, "folder of the CSV / JSON Lines files"),
                            option("formats", "jsonl,csv", false, "jsonl, csv or both"),
                            option("gzip", "false", false, "gzip the files")),
            "jdbc",
                    List.of(
                            option(
                                    "url",
                                    "jdbc:h2:file:./data/payreports for the sink named jdbc",
                                    true,
                                    "jdbc:postgresql: or jdbc:h2: URL"),
                            option("username", "", false, "database user"),
                            option("password", "", false, "database password (from the environment: {{env:NAME}})"),
                            option("schema", "the connection's", false, "schema of the record tables"),
                            option("batch-size", "500", false, "rows per JDBC batch")),
            "sftp",
                    List.of(
                            option("host", "", true, "SFTP server"),
                            option("port", "22", false, "SFTP port"),
                            option("username", "", true, "SFTP user"),
                            option("password", "", false, "password, or use private-key-file"),
                            option("private-key-file", "", false, "private key file"),
                            option("private-key-passphrase", "", false, "passphrase of the private key"),
                            option(
                                    "strict-host-key-checking",
                                    "true",
                                    false,
                                    "check the server's host key against known-hosts-file"),
                            option("known-hosts-file", "~/.ssh/known_hosts", false, "known hosts"),
                            option("directory", "", false, "remote base folder"),
                            option(
                                    "path",
                                    "{reportType}/{yyyy}/{MM}/{reportId}.csv",
                                    false,
                                    "remote file name pattern")),
            "s3",
                    List.of(
                            option("bucket", "", true, "bucket"),
                            option("region", "us-east-1", false, "region"),
                            option("endpoint", "AWS", false, "S3-compatible endpoint URL"),
                            option("path-style", "false", false, "path-style addressing (most S3-compatible stores)"),
                            option("access-key", "default credentials chain", false, "access key (with secret-key)"),
                            option("secret-key", "default credentials chain", false, "secret key (with access-key)"),
                            option("server-side-encryption", "none", false, "none, AES256 or aws:kms"),
                            option("kms-key-id", "", false, "KMS key with aws:kms"),
                            option("multipart-part-size", "16m", false, "multipart upload part size"),
                            option("key", "{reportType}/{yyyy}/{MM}/{reportId}.jsonl", false, "object key pattern")),
            "kafka",
                    List.of(
                            option("bootstrap-servers", "", true, "brokers, host:port comma-separated"),
                            option("topic", "payreports.{layout}", false, "topic pattern ({layout} = record type)"),
                            option("dead-letter-topic", "", false, "topic of the sink's dead letters (else files)"),
                            option(
                                    "security-protocol",
                                    "PLAINTEXT",
                                    false,
                                    "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (Amazon MSK with SCRAM, Confluent"
                                            + " Cloud: SASL_SSL)"),
                            option(
                                    "sasl-mechanism",
                                    "",
                                    false,
                                    "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; required with SASL_*"),
                            option(
                                    "sasl-jaas-config",
                                    "",
                                    false,
                                    "JAAS login with user and password; required with SASL_* (from the environment:"
                                            + " {{env:NAME}})"),
                            option(
                                    "ssl-truststore-location",
                                    "the JVM's",
                                    false,
                                    "trust store of the brokers' certificates"),
                            option(
                                    "ssl-truststore-password",
                                    "",
                                    false,
                                    "trust store password (from the environment: {{env:NAME}})"),
                            option(
                                    "ssl-keystore-location",
                                    "",
                                    false,
                                    "key store of the client certificate (mutual TLS)"),
                            option(
                                    "ssl-keystore-password",
                                    "",
                                    false,
                                    "key store password (from the environment: {{env:NAME}})"),
                            option(
                                    "ssl-key-password",
                                    "",
                                    false,
                                    "password of the key in the key store (from the environment: {{env:NAME}})"),
                            option(
                                    "ssl-endpoint-identification-algorithm",
                                    "https",
                                    false,
                                    "https checks the brokers' host names against their certificates; empty turns"
                                            + " that off")));

    static final String SINKS = "payreports.sinks.";
    private static final Pattern SINK_KEY = Pattern.compile(Pattern.quote(SINKS) + "([a-z0-9][a-z0-9-]*)\\.(.+)");
    private static final String ACCOUNT = "<name>";
    private static final Pattern JOB_KEY = Pattern.compile("payreports\\.jobs\\.([^.]+)\\.(.+)");
    private static final Set<String> NAMES = KEYS.stream().map(Key::name).collect(Collectors.toUnmodifiableSet());

    private ConfigKeys() {}

    private static Key key(String name, String defaultValue, String description) {
        return new Key(name, defaultValue, description);
    }

    private static SinkOption option(String option, String defaultValue, boolean required, String description) {
        return new SinkOption(option, defaultValue, required, description);
    }

    /**
     * Why {@code key} is not one payreports reads, with the nearest known key, or empty when it is known.
     * {@code sinkTypes} maps the declared sinks to their type (a sink of an unknown type is left to its type
     * problem); {@code jobs} are the ids of the job files.
     */
    static Optional<String> unknown(String key, Map<String, String> sinkTypes, Set<String> jobs) {
        if (NAMES.contains(key)) {
            return Optional.empty();
        }
        Matcher sink = SINK_KEY.matcher(key);
        if (sink.matches()) {
            String type = sinkTypes.get(sink.group(1));
            if (type == null || !SINK_OPTIONS.containsKey(type)) {
                return Optional.empty();
            }
            List<String> options = Stream.concat(COMMON_SINK_OPTIONS.stream(), SINK_OPTIONS.get(type).stream())
                    .map(SinkOption::option)
                    .toList();
            return options.contains(sink.group(2))
                    ? Optional.empty()
                    : Optional.of("unknown option of a " + type + " sink"
                            + didYouMean(sink.group(2), options)
                                    .map(o -> ", did you mean " + SINKS + sink.group(1) + "." + o + "?")
                                    .orElse(""));
        }
        Optional<String> account = AccountKeys.accountOf(key);
        if (account.isPresent()) {
            String shape = shapeOf(key, account.get());
            return NAMES.contains(shape)
                    ? Optional.empty()
                    : Optional.of("account " + account.get() + ": unknown key"
                            + didYouMean(shape, NAMES)
                                    .map(k -> ", did you mean " + k.replace(ACCOUNT, account.get()) + "?")
                                    .orElse(""));
        }
        Matcher job = JOB_KEY.matcher(key);
        if (job.matches() && job.group(2).equals("cron")) {
            return jobs.contains(job.group(1))
                    ? Optional.empty()
                    : Optional.of("no job '" + job.group(1) + "' in the job files"
                            + didYouMean(job.group(1), jobs)
                                    .map(j -> ", did you mean " + j + "?")
                                    .orElse(""));
        }
        return Optional.of("unknown key"
                + didYouMean(key, NAMES).map(k -> ", did you mean " + k + "?").orElse(""));
    }

    /** {@code payreports.accounts.<name>.amazonpay.region} for {@code payreports.accounts.eu.amazonpay.region}. */
    private static String shapeOf(String key, String account) {
        return AccountKeys.PREFIX + ACCOUNT + key.substring(AccountKeys.PREFIX.length() + account.length());
    }

    /** The nearest candidate within a few typing mistakes. */
    public static Optional<String> didYouMean(String word, java.util.Collection<String> candidates) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, word.length() / 4));
        return candidates.stream()
                .filter(candidate -> distance.apply(word, candidate) >= 0)
                .min(Comparator.comparingInt((String candidate) -> distance.apply(word, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Whether {@code key} is a registered key, or a sink option / job cron of the registered shapes. */
    static boolean registered(String key) {
        if (NAMES.contains(key)) {
            return true;
        }
        Matcher sink = SINK_KEY.matcher(key);
        if (sink.matches()) {
            return Stream.concat(
                            COMMON_SINK_OPTIONS.stream(),
                            SINK_OPTIONS.values().stream().flatMap(List::stream))
                    .anyMatch(option -> option.option().equals(sink.group(2)));
        }
        Optional<String> account = AccountKeys.accountOf(key);
        if (account.isPresent()) {
            return NAMES.contains(shapeOf(key, account.get()));
        }
        Matcher job = JOB_KEY.matcher(key);
        return job.matches() && job.group(2).equals("cron");
    }

    /** docs/configuration.md: the keys and sink options above as tables. */
    public static String markdown() {
        StringBuilder doc = new StringBuilder("""
                # Configuration keys

                Generated from `io.payreports.config.ConfigKeys` (`ConfigKeysTest` regenerates it): these are the
                keys `validate` and `run` accept; any other `payreports.*` key is an error with the nearest known
                key. Set them in `config/application.properties` (or `--config FILE`); any value may come from the
                environment as `{{env:NAME:default}}`, and the built-in defaults already read the variables below.
                Several merchant accounts, `payreports.accounts.<name>.*`: [accounts.md](accounts.md).

                | key | environment | default | what it does |
                |---|---|---|---|
                """);
        Map<String, String> environment = builtInEnvironmentNames();
        KEYS.forEach(key -> doc.append(row(
                code(key.name()),
                code(environment.getOrDefault(key.name(), "")),
                code(key.defaultValue()),
                key.description())));
        doc.append("""

                ## Sinks

                A sink is declared by a `templatedRoute` file in `routes/sinks/` (see docs/sinks.md), or by its keys,
                `payreports.sinks.<name>.<option>`, which become the parameters of the sink's template; a job names it
                in its `sinks` parameter. The sinks `file` and `jdbc` always exist. Options every sink has:

                | option | default | what it does |
                |---|---|---|
                """);
        COMMON_SINK_OPTIONS.forEach(
                option -> doc.append(row(code(option.option()), code(option.defaultValue()), option.description())));
        for (String type : List.of("file", "jdbc", "sftp", "s3", "kafka")) {
            doc.append("\n### type = ").append(type).append("\n\n| option | default | what it does |\n|---|---|---|\n");
            SINK_OPTIONS
                    .get(type)
                    .forEach(option -> doc.append(row(
                            code(option.option()) + (option.required() ? " (required)" : ""),
                            code(option.defaultValue()),
                            option.description())));
        }
        return doc.toString();
    }

    /** The PAYREPORTS_* variable each built-in default reads, from its {@code {{env:NAME:default}}}. */
    private static Map<String, String> builtInEnvironmentNames() {
        Map<String, String> names = new java.util.TreeMap<>();
        Pattern line = Pattern.compile("^(payreports\\.[a-z0-9.-]+)\\s*=\\s*\\{\\{env:([A-Z0-9_]+)");
        try (var in = ConfigKeys.class.getClassLoader().getResourceAsStream(ConfigLocator.DEFAULTS)) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(line::matcher)
                    .filter(Matcher::find)
                    .forEach(match -> names.put(match.group(1), match.group(2)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A literal value as Markdown code, pipes escaped; a default that is prose ("the region's") stays prose. */
    private static String code(String value) {
        String escaped = value.replace("|", "\\|");
        return value.isEmpty() || value.startsWith("the ") || value.contains("'s") ? escaped : "`" + escaped + "`";
    }
}
