package io.payreports.config;

import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.DocumentHosts;
import io.payreports.amazonpay.DocumentPolicy;
import io.payreports.http.GuardedHttp;
import io.payreports.http.HttpDeadlines;
import io.payreports.http.PagingGuard;
import io.payreports.jobs.JobRuns;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportLimits;
import io.payreports.sinks.DeadLetterWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.quartz.CronExpression;

/**
 * Our settings (keys under {@code payreports.}), read through Camel's property placeholders so that
 * {@code {{env:NAME:default}}} works as in any Camel Main application. Every problem names its key;
 * secrets (private key file contents) are never read into messages.
 */
public record PayreportsSettings(
        Optional<URI> amazonPayEndpoint,
        String amazonPayRegion,
        String amazonPayEnvironment,
        String amazonPayPublicKeyId,
        Optional<Path> amazonPayPrivateKeyFile,
        Duration connectTimeout,
        Duration readTimeout,
        DocumentPolicy amazonPayDocuments,
        Path outputDir,
        Path dataDir,
        String stateJdbcUrl,
        String recordsJdbcUrl,
        Retry retry,
        ReportLimits reportLimits,
        HttpDeadlines httpDeadlines,
        PagingGuard.Limits pagingLimits,
        int deadLetterRowsPerFile,
        Duration runDeadline) {

    /** Redelivery policy for API calls, downloads and sinks. */
    public record Retry(
            int maximumRedeliveries, long redeliveryDelayMs, double backOffMultiplier, long maximumRedeliveryDelayMs) {}

    /**
     * Makes this configuration's HTTP deadlines and paging limits those of the process: {@link GuardedHttp} and
     * {@link PagingGuard} are process-wide, and every command that calls Amazon (run, api, validate --connect)
     * must honour the operator's {@code payreports.http.*} and {@code payreports.paging.*}, not the defaults.
     */
    public void applyHttpLimits() {
        GuardedHttp.use(httpDeadlines);
        PagingGuard.use(pagingLimits);
    }

    /** No Amazon Pay credentials means demo mode: the built-in simulator answers instead of Amazon. */
    public boolean demoMode() {
        return amazonPayPublicKeyId.isBlank();
    }

    /** The default account's Amazon Pay identity (the single-account keys, or payreports.accounts.default.*). */
    public AmazonPayKeys amazonPayKeys() {
        return new AmazonPayKeys(
                amazonPayEndpoint,
                amazonPayRegion,
                amazonPayEnvironment,
                amazonPayPublicKeyId,
                amazonPayPrivateKeyFile);
    }

    /** The client configuration of an account: its region and environment, everyone's timeouts and document policy. */
    public AmazonPayConfig amazonPayConfig(AmazonPayKeys keys, URI endpointOverride, String publicKeyId) {
        return new AmazonPayConfig(
                endpointOverride,
                keys.region(),
                keys.environment(),
                publicKeyId,
                connectTimeout,
                readTimeout,
                amazonPayDocuments);
    }

    /**
     * Reads the settings; {@code lookup} answers a resolved property value or null when unset.
     * {@code locator} tells where a key was set, for error messages.
     */
    public static PayreportsSettings read(Function<String, String> lookup, KeyLocator locator) {
        Reader r = new Reader(lookup, AccountKeys.namingAccounts(locator));
        AmazonPayKeys amazonPay =
                AmazonPayKeys.read(r, AccountKeys.of(ReportContext.DEFAULT_ACCOUNT, "amazonpay", lookup));
        PayreportsSettings settings = new PayreportsSettings(
                amazonPay.endpoint(),
                amazonPay.region(),
                amazonPay.environment(),
                amazonPay.publicKeyId(),
                amazonPay.privateKeyFile(),
                r.duration("payreports.amazonpay.connect-timeout", Duration.ofSeconds(10)),
                r.duration("payreports.amazonpay.read-timeout", Duration.ofSeconds(60)),
                new DocumentPolicy(
                        r.documentHosts("payreports.amazonpay.document-hosts"),
                        r.positiveDuration(
                                "payreports.amazonpay.document-url-validity", DocumentPolicy.DEFAULT.urlValidity()),
                        (int) r.number(
                                "payreports.amazonpay.document-url-attempts",
                                DocumentPolicy.DEFAULT.urlAttempts(),
                                1,
                                10)),
                Path.of(r.text("payreports.output-dir", "./out")),
                Path.of(r.text("payreports.data-dir", "./data")),
                r.jdbcUrl("payreports.state.jdbc-url"),
                r.jdbcUrl("payreports.sinks.jdbc.url"),
                new Retry(
                        (int) r.number("payreports.retry.maximum-redeliveries", 3, 0, 100),
                        r.number("payreports.retry.redelivery-delay", 1000, 0, 3_600_000),
                        r.decimal("payreports.retry.backoff-multiplier", 2.0),
                        r.number("payreports.retry.maximum-redelivery-delay", 60_000, 0, 86_400_000)),
                reportLimits(r),
                httpDeadlines(r),
                new PagingGuard.Limits(
                        r.number(
                                PagingGuard.Limits.MAX_PAGES,
                                PagingGuard.Limits.DEFAULTS.maxPages(),
                                1,
                                Long.MAX_VALUE),
                        r.number(
                                PagingGuard.Limits.MAX_ITEMS,
                                PagingGuard.Limits.DEFAULTS.maxItems(),
                                1,
                                Long.MAX_VALUE)),
                (int) r.number(DeadLetterWriter.MAX_ROWS_KEY, DeadLetterWriter.DEFAULT_MAX_ROWS, 1, 1_000_000),
                r.positiveDuration(JobRuns.RUN_DEADLINE, JobRuns.DEFAULT_RUN_DEADLINE));
        r.throwIfAny();
        return settings;
    }

    private static ReportLimits reportLimits(Reader r) {
        long download = r.size("payreports.reports.max-download-size", ReportLimits.DEFAULTS.maxDownloadBytes());
        long uncompressed =
                r.size("payreports.reports.max-uncompressed-size", ReportLimits.DEFAULTS.maxUncompressedBytes());
        long ratio = r.number(
                "payreports.reports.max-compression-ratio", ReportLimits.DEFAULTS.maxCompressionRatio(), 1, 1_000_000);
        long line = r.size("payreports.reports.max-line-length", ReportLimits.DEFAULTS.maxLineLength());
        if (line > Integer.MAX_VALUE) {
            r.problem("payreports.reports.max-line-length", "must be at most 2g characters, not " + line);
        }
        // out-of-range values are reported above; the defaults only stand in until the problems are thrown
        return r.problems.isEmpty()
                ? new ReportLimits(download, uncompressed, (int) ratio, (int) line)
                : ReportLimits.DEFAULTS;
    }

    /** Clustered scheduling ({@code payreports.cluster.*}). */
    public record Cluster(boolean enabled, Duration checkinInterval) {}

    public static Cluster readCluster(Function<String, String> lookup, KeyLocator locator) {
        Reader r = new Reader(lookup, locator);
        Cluster cluster = new Cluster(
                r.bool("payreports.cluster.enabled", false),
                Duration.ofMillis(r.number("payreports.cluster.checkin-interval", 5000, 100, 3_600_000)));
        r.throwIfAny();
        return cluster;
    }

    /** The operator page's replay token: too short to withstand guessing over the network is a problem, not a default. */
    static final int REPLAY_TOKEN_MIN_LENGTH = 16;

    /**
     * The token the operator page's replay button needs ({@code payreports.status.replay-token}); empty when
     * none is configured, and then the page replays nothing, whatever address the HTTP server listens on.
     */
    public static Optional<String> readReplayToken(Function<String, String> lookup, KeyLocator locator) {
        Reader r = new Reader(lookup, locator);
        String token = r.text("payreports.status.replay-token", "").strip();
        if (!token.isEmpty() && token.length() < REPLAY_TOKEN_MIN_LENGTH) {
            r.problem(
                    "payreports.status.replay-token",
                    "too short: at least " + REPLAY_TOKEN_MIN_LENGTH
                            + " characters (e.g. the output of `openssl rand -hex 16`), or empty to turn replay off");
        }
        r.throwIfAny();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static HttpDeadlines httpDeadlines(Reader r) {
        return new HttpDeadlines(
                r.positiveDuration(HttpDeadlines.CALL_DEADLINE, HttpDeadlines.DEFAULTS.callDeadline()),
                r.size(HttpDeadlines.DOWNLOAD_MIN_RATE, HttpDeadlines.DEFAULTS.downloadMinBytesPerSecond()),
                r.positiveDuration(HttpDeadlines.DOWNLOAD_GRACE, HttpDeadlines.DEFAULTS.downloadGrace()));
    }

    /** Checks a Quartz cron expression the way the quartz component will parse it. */
    public static Optional<String> cronProblem(String cron) {
        try {
            new CronExpression(cron);
            return Optional.empty();
        } catch (java.text.ParseException e) {
            return Optional.of("not a valid Quartz cron expression '" + cron + "': " + e.getMessage());
        }
    }

    /** The Selling Partner API settings of the default account (keys under {@code payreports.spapi.}). */
    public static SpApiSettings readSpApi(Function<String, String> lookup, KeyLocator locator) {
        return readSpApi(lookup, locator, ReportContext.DEFAULT_ACCOUNT);
    }

    /**
     * An account's Selling Partner API settings: its region, endpoints and LWA credentials, and what every account
     * shares (timeouts, retries, the transactions window, payouts); secrets are never put into a problem's message.
     */
    public static SpApiSettings readSpApi(Function<String, String> lookup, KeyLocator locator, String account) {
        Reader r = new Reader(lookup, AccountKeys.namingAccounts(locator));
        AccountKeys keys = AccountKeys.of(account, "spapi", lookup);
        String clientId = r.text(keys.key("client-id"), "");
        String clientSecret = r.text(keys.key("client-secret"), "");
        String refreshToken = r.text(keys.key("refresh-token"), "");
        for (String secret : List.of("client-secret", "refresh-token")) {
            if (!clientId.isBlank() && r.text(keys.key(secret), "").isBlank()) {
                r.problem(
                        keys.key(secret), "required when " + keys.key("client-id") + " is set" + keys.variable(secret));
            }
        }
        io.payreports.spapi.SpApiRegion region = io.payreports.spapi.SpApiRegion.NA;
        try {
            region = io.payreports.spapi.SpApiRegion.of(r.text(keys.key("region"), "na"));
        } catch (IllegalArgumentException e) {
            r.problem(keys.key("region"), e.getMessage());
        }
        java.util.Set<io.payreports.spapi.PayoutTarget> targets = java.util.Set.of();
        try {
            targets = io.payreports.spapi.PayoutTarget.parseAll(r.text("payreports.spapi.payouts.allowed", ""));
        } catch (IllegalArgumentException e) {
            r.problem("payreports.spapi.payouts.allowed", e.getMessage());
        }
        SpApiSettings settings = new SpApiSettings(
                region,
                r.optionalText(keys.key("endpoint")).map(value -> r.uri(keys.key("endpoint"), value)),
                r.optionalText(keys.key("lwa-endpoint")).map(value -> r.uri(keys.key("lwa-endpoint"), value)),
                clientId,
                clientSecret,
                refreshToken,
                r.duration("payreports.spapi.connect-timeout", Duration.ofSeconds(10)),
                r.duration("payreports.spapi.read-timeout", Duration.ofSeconds(60)),
                r.positiveDuration("payreports.spapi.transactions.lookback", Duration.ofHours(48)),
                (int) r.number("payreports.spapi.transactions.first-run-days", 400, 1, 10_000),
                targets);
        r.throwIfAny();
        return settings;
    }

    /** Where a key was set: file and line, for {@code FILE:LINE: key: message}. */
    public interface KeyLocator {
        ConfigProblem problem(String key, String message);
    }

    static final class Reader {
        private final Function<String, String> lookup;
        private final KeyLocator locator;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Reader(Function<String, String> lookup, KeyLocator locator) {
            this.lookup = lookup;
            this.locator = locator;
        }

        void problem(String key, String message) {
            problems.add(locator.problem(key, message));
        }

        /** Whether reading {@code key} found a problem: what depends on its value is better not built. */
        boolean hasProblem(String key) {
            return problems.stream().anyMatch(problem -> problem.key().equals(key));
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }

        Optional<String> optionalText(String key) {
            String value = lookup.apply(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        /** The value as set, an empty one too: for the options whose empty value means something. */
        Optional<String> asSet(String key) {
            return Optional.ofNullable(lookup.apply(key)).map(String::trim);
        }

        String text(String key, String defaultValue) {
            return optionalText(key).orElse(defaultValue);
        }

        String required(String key) {
            Optional<String> value = optionalText(key);
            if (value.isEmpty()) {
                problem(key, "required");
            }
            return value.orElse("");
        }

        boolean bool(String key, boolean defaultValue) {
            String value = text(key, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                problem(key, "must be true or false, not '" + value + "'");
                return defaultValue;
            }
            return Boolean.parseBoolean(value);
        }

        String oneOf(String key, String defaultValue, String... allowed) {
            String value = text(key, defaultValue).toLowerCase(Locale.ROOT);
            if (!List.of(allowed).contains(value)) {
                problem(key, "must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
                return defaultValue;
            }
            return value;
        }

        URI uri(String key, String value) {
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    problem(key, "must be an absolute URL such as http://127.0.0.1:8443, not '" + value + "'");
                } else if (!"https".equalsIgnoreCase(uri.getScheme())
                        && !DocumentHosts.isLoopback(uri.getHost())
                        && !Boolean.parseBoolean(text("payreports.allow-insecure-http", "false"))) {
                    // signed requests, tokens and money data would cross the network in clear text
                    problem(
                            key,
                            "must be https unless it is a loopback address (set payreports.allow-insecure-http=true to allow "
                                    + uri.getScheme() + "://" + uri.getHost() + ")");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                problem(key, "not a URL: '" + value + "'");
                return null;
            }
        }

        DocumentHosts documentHosts(String key) {
            try {
                return optionalText(key).map(DocumentHosts::parse).orElse(DocumentHosts.AMAZON);
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
                return DocumentHosts.AMAZON;
            }
        }

        Duration positiveDuration(String key, Duration defaultValue) {
            Duration value = duration(key, defaultValue);
            if (value.isNegative() || value.isZero()) {
                problem(key, "must be more than 0, not " + value);
            }
            return value;
        }

        String jdbcUrl(String key) {
            String value = text(key, "");
            if (value.isEmpty()) {
                problem(key, "required: a jdbc:postgresql: or jdbc:h2: URL");
            } else if (!value.startsWith("jdbc:h2:") && !value.startsWith("jdbc:postgresql:")) {
                problem(key, "must be a jdbc:h2: or jdbc:postgresql: URL, not '" + value + "'");
            }
            return value;
        }

        long number(String key, long defaultValue, long min, long max) {
            String value = text(key, Long.toString(defaultValue));
            try {
                long number = Long.parseLong(value);
                if (number < min || number > max) {
                    problem(key, "must be between " + min + " and " + max + ", not " + number);
                }
                return number;
            } catch (NumberFormatException e) {
                problem(key, "not a whole number: '" + value + "'");
                return defaultValue;
            }
        }

        /** Sizes as bytes or with a binary suffix: {@code 512k}, {@code 200m}, {@code 4g}. */
        long size(String key, long defaultValue) {
            String value = text(key, Long.toString(defaultValue)).toLowerCase(Locale.ROOT);
            int shift = switch (value.charAt(value.length() - 1)) {
                case 'k' -> 10;
                case 'm' -> 20;
                case 'g' -> 30;
                default -> 0;
            };
            try {
                long number = Long.parseLong(shift == 0 ? value : value.substring(0, value.length() - 1));
                if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
                    problem(key, "must be a positive size, not " + value);
                    return defaultValue;
                }
                return number << shift;
            } catch (NumberFormatException e) {
                problem(key, "not a size (bytes, or with k, m, g): '" + value + "'");
                return defaultValue;
            }
        }

        double decimal(String key, double defaultValue) {
            String value = text(key, Double.toString(defaultValue));
            try {
                double number = Double.parseDouble(value);
                if (number < 1.0) {
                    problem(key, "must be at least 1.0, not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                problem(key, "not a number: '" + value + "'");
                return defaultValue;
            }
        }

        /** Durations as ISO-8601 (PT30S) or a number with ms/s/m/h. */
        Duration duration(String key, Duration defaultValue) {
            Optional<String> value = optionalText(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            String text = value.get().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("pt")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                problem(key, "not a duration (e.g. 30s, 500ms, PT1M): '" + value.get() + "'");
                return defaultValue;
            }
        }
    }
}
