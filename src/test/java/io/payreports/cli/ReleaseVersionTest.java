package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** One version for the jar ({@code --version}), the container image and the changelog. */
class ReleaseVersionTest {

    @Test
    void theImageAndTheChangelogCarryTheJarsVersion() throws Exception {
        Properties build = new Properties();
        try (InputStream in = ReleaseVersionTest.class.getResourceAsStream("/payreports-version.properties")) {
            build.load(in);
        }
        String version = build.getProperty("version");
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

        assertThat(Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8))
                .contains("org.opencontainers.image.version=\"" + version.replace("-SNAPSHOT", "") + "\"");
        assertThat(Files.readString(Path.of("CHANGELOG.md"), StandardCharsets.UTF_8))
                .contains("## [" + version.replace("-SNAPSHOT", "") + "]");
    }
}
