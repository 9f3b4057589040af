package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** A report id with a line break in it (from a hostile Amazon answer) stays on its own log line. */
class LogLinesTest {

    @Test
    void aLineBreakInALoggedIdCannotForgeALogLine() throws IOException {
        PatternLayout layout = PatternLayout.newBuilder()
                .withPattern(shippedPattern())
                .withConfiguration(new DefaultConfiguration())
                .build();
        String reportId = "A1\n2026-11-30T01:00:00.000Z ERROR [main] Security - FORGED LOG LINE\r";

        String line = layout.toSerializable(Log4jLogEvent.newBuilder()
                .setLoggerName("io.payreports.Test")
                .setLevel(Level.INFO)
                .setMessage(new ParameterizedMessage("downloading report {}", reportId))
                .build());

        assertThat(line)
                .endsWith("downloading report A1\\n2026-11-30T01:00:00.000Z ERROR [main] Security - FORGED LOG LINE\\r"
                        + System.lineSeparator());
        assertThat(line.lines()).hasSize(1);
    }

    /** The console pattern of the log4j2.xml that ships in the jar. */
    private static String shippedPattern() throws IOException {
        try (InputStream config = LogLinesTest.class.getResourceAsStream("/log4j2.xml")) {
            Matcher pattern = Pattern.compile("<PatternLayout pattern=\"([^\"]+)\"")
                    .matcher(new String(config.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(pattern.find()).isTrue();
            return pattern.group(1).replace("&apos;", "'");
        }
    }
}
