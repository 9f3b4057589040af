package io.payreports.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;

/** Which properties files apply, in the same order for every command: built-in defaults, then the operator's file. */
public final class ConfigFiles {

    static final Path DEFAULT_CONFIG = Path.of("config", "application.properties");
    static final Path DEFAULT_ROUTES = Path.of("routes");

    private ConfigFiles() {}

    /** The operator's file: {@code --config FILE} (must exist), else config/application.properties when present. */
    public static Optional<Path> operatorConfig(Path configFile) {
        if (configFile == null) {
            return Files.isRegularFile(DEFAULT_CONFIG) ? Optional.of(DEFAULT_CONFIG) : Optional.empty();
        }
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(
                    List.of(new ConfigProblem(configFile.toString(), 0, "--config", "file not found")));
        }
        return Optional.of(configFile);
    }

    /** Camel property locations: the operator's file first, because Camel takes a key from the first location that has it. */
    public static String propertyLocations(Optional<Path> operatorConfig) {
        return operatorConfig.map(file -> "file:" + file.toAbsolutePath() + ",").orElse("")
                + "classpath:application.properties";
    }

    /** The folder of job files: PAYREPORTS_ROUTES_DIR, else ./routes; empty when neither exists. */
    public static Optional<Path> routesDir() {
        return routesDir(null);
    }

    /** The folder of job files: {@code --routes DIR} (must exist) when given, else as {@link #routesDir()}. */
    public static Optional<Path> routesDir(Path option) {
        if (option != null) {
            if (!Files.isDirectory(option)) {
                throw new ConfigException(
                        List.of(new ConfigProblem(option.toString(), 0, "--routes", "not a directory")));
            }
            return Optional.of(option);
        }
        String dir = System.getenv("PAYREPORTS_ROUTES_DIR");
        Path routes = dir == null || dir.isBlank() ? DEFAULT_ROUTES : Path.of(dir);
        return Files.isDirectory(routes) ? Optional.of(routes) : Optional.empty();
    }

    /**
     * Reads our settings outside a running runtime (for {@code api} and {@code validate}), through
     * Camel's properties component so that {@code {{env:NAME:default}}} resolves exactly as in {@code run}.
     */
    public static PayreportsSettings readSettings(Optional<Path> operatorConfig) {
        return read(operatorConfig, (lookup, locator, keys) -> PayreportsSettings.read(lookup, locator));
    }

    /** One property as {@code run} resolves it (Camel's own keys too, e.g. {@code camel.management.port}); null when unset. */
    public static String property(Optional<Path> operatorConfig, String key) {
        return read(operatorConfig, (lookup, locator, keys) -> lookup.apply(key));
    }

    /** Clustered scheduling outside a running runtime (for {@code status}), resolved like {@link #readSettings}. */
    public static PayreportsSettings.Cluster readCluster(Optional<Path> operatorConfig) {
        return read(operatorConfig, (lookup, locator, keys) -> PayreportsSettings.readCluster(lookup, locator));
    }

    /** The SP-API settings outside a running runtime (for {@code api}), resolved like {@link #readSettings}. */
    public static SpApiSettings readSpApiSettings(Optional<Path> operatorConfig) {
        return read(operatorConfig, (lookup, locator, keys) -> PayreportsSettings.readSpApi(lookup, locator));
    }

    /**
     * One account's settings outside a running runtime (for {@code api}, {@code schedules}): a name no configuration
     * declares is a problem of {@code --account} that lists the accounts there are.
     */
    public static AccountSettings readAccount(Optional<Path> operatorConfig, String account) {
        Map<String, AccountSettings> accounts = read(operatorConfig, AccountSettings::readAll);
        if (!accounts.containsKey(account)) {
            throw new ConfigException(List.of(new ConfigProblem(
                    operatorConfig.map(Path::toString).orElse(null),
                    0,
                    "--account",
                    Accounts.unknown(account, accounts.keySet()))));
        }
        return accounts.get(account);
    }

    static <T> T read(Optional<Path> operatorConfig, SettingsReader<T> reader) {
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().setLocation(propertyLocations(operatorConfig));
            return reader.read(
                    key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                    new ConfigLocator(operatorConfig),
                    context.getPropertiesComponent()
                            .loadProperties(key -> key.startsWith(AccountKeys.PREFIX))
                            .stringPropertyNames());
        } finally {
            context.stop();
        }
    }

    /** Reads settings from the resolved properties, their locator and the names of the account keys set. */
    @FunctionalInterface
    interface SettingsReader<T> {
        T read(Function<String, String> lookup, PayreportsSettings.KeyLocator locator, Set<String> accountKeys);
    }
}
