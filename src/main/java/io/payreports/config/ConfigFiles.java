package io.payreports.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
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
        return read(operatorConfig, PayreportsSettings::read);
    }

    /** One property as {@code run} resolves it (Camel's own keys too, e.g. {@code camel.management.port}); null when unset. */
    public static String property(Optional<Path> operatorConfig, String key) {
        return read(operatorConfig, (lookup, locator) -> lookup.apply(key));
    }

    /** Clustered scheduling outside a running runtime (for {@code status}), resolved like {@link #readSettings}. */
    public static PayreportsSettings.Cluster readCluster(Optional<Path> operatorConfig) {
        return read(operatorConfig, PayreportsSettings::readCluster);
    }

    /** The SP-API settings outside a running runtime (for {@code api}), resolved like {@link #readSettings}. */
    public static SpApiSettings readSpApiSettings(Optional<Path> operatorConfig) {
        return read(operatorConfig, PayreportsSettings::readSpApi);
    }

    private static <T> T read(
            Optional<Path> operatorConfig,
            BiFunction<Function<String, String>, PayreportsSettings.KeyLocator, T> reader) {
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().setLocation(propertyLocations(operatorConfig));
            return reader.apply(
                    key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                    new ConfigLocator(operatorConfig));
        } finally {
            context.stop();
        }
    }
}
