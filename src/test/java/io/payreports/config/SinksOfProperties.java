package io.payreports.config;

import io.payreports.sinks.DeadLetterWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;

/** The sinks of a properties file, built as the runtime builds them, on a context the test owns and stops. */
final class SinksOfProperties {

    private SinksOfProperties() {}

    /** @param lookup reads a key of {@code context}'s properties (a test may record what is read) */
    static ConfiguredSinks build(
            DefaultCamelContext context, Path properties, DataSources dataSources, Function<String, String> lookup) {
        Optional<Path> config = Optional.of(properties);
        context.getPropertiesComponent().setLocation(ConfigFiles.propertyLocations(config));
        ConfigLocator locator = new ConfigLocator(config);
        PayreportsSettings settings = PayreportsSettings.read(lookup, locator);
        ConfiguredSinks.load(context, List.of());
        return ConfiguredSinks.build(
                lookup,
                locator,
                ConfiguredSinks.names(context.getPropertiesComponent()
                        .loadProperties(key -> key.startsWith(ConfigKeys.SINKS))
                        .stringPropertyNames()),
                settings,
                context,
                dataSources,
                new DeadLetterWriter(settings.outputDir(), RuntimeClock.get()),
                RuntimeClock.get());
    }

    /** As {@link #build(DefaultCamelContext, Path, DataSources, Function)}, reading the properties as they are. */
    static ConfiguredSinks build(DefaultCamelContext context, Path properties, DataSources dataSources) {
        return build(
                context,
                properties,
                dataSources,
                key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
    }
}
