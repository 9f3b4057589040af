package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The configuration model is complete (every key the code reads is in it) and docs/configuration.md is made from it. */
class ConfigKeysTest {

    private static final Path DOC = Path.of("docs", "configuration.md");
    /** Declares one sink of every type, so that the sinks' readers ask for every option they know. */
    private static final Path EVERY_SINK = Path.of("src", "test", "resources", "config", "every-sink-type.properties");

    @Test
    void everyKeyTheReadersReadIsRegistered() {
        Set<String> read = new TreeSet<>();
        DefaultCamelContext context = new DefaultCamelContext();
        try (DataSources dataSources = new DataSources()) {
            Function<String, String> lookup = key -> {
                read.add(key);
                return context.getPropertiesComponent().resolveProperty(key).orElse(null);
            };
            SinksOfProperties.build(context, EVERY_SINK, dataSources, lookup);
            ConfigLocator locator = new ConfigLocator(Optional.of(EVERY_SINK));
            PayreportsSettings.readSpApi(lookup, locator);
            MwsSettings.read(lookup, locator);
            PayreportsSettings.readCluster(lookup, locator);
        } finally {
            context.stop();
        }

        assertThat(read).filteredOn(key -> key.startsWith(ConfigKeys.SINKS)).hasSizeGreaterThan(30);
        assertThat(read)
                .allSatisfy(key -> assertThat(ConfigKeys.registered(key))
                        .as("%s is read but not registered: add a key(...) line to ConfigKeys", key)
                        .isTrue());
    }

    @Test
    void theConfigurationReferenceIsGeneratedFromTheModel() throws Exception {
        String generated = ConfigKeys.markdown();
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed)
                .as("docs/configuration.md was out of date and has been regenerated: commit it")
                .isEqualTo(generated);
    }

    @Test
    void aNearMissIsSuggestedAndAStrangerIsNot() {
        assertThat(ConfigKeys.didYouMean(
                        "payreports.sinks.jdbc.ulr", Set.of("payreports.sinks.jdbc.url", "payreports.state.jdbc-url")))
                .contains("payreports.sinks.jdbc.url");
        assertThat(ConfigKeys.didYouMean("warehouse", Set.of("file", "jdbc"))).isEmpty();
    }
}
