package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every log the test run wrote (target/test-logs/: the unit tests at DEBUG, and each run of the
 * packaged jar) and finds no secret in them. Named to run last: failsafe runs ITs alphabetically here.
 */
class ZeroSecretsInLogsIT {

    /** What must never be logged, by its shape: the test suites' own secrets have these shapes too. */
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("-----BEGIN (RSA |EC )?PRIVATE KEY-----"),
            Pattern.compile("MII[A-Za-z0-9+/]{60,}"), // base64 DER, the body of a PEM key
            Pattern.compile("X-Amz-Signature=[0-9a-fA-F]{16,}"), // the signature of a pre-signed document URL
            Pattern.compile("[?&]Signature=[A-Za-z0-9%+/=]{20,}"), // an MWS request's Signature parameter
            Pattern.compile("mws/secret\\+key/EXAMPLE"), // the MWS secret key of the tests
            Pattern.compile("Atzr\\|[A-Za-z0-9_-]{10,}"), // an LWA refresh token
            Pattern.compile("amzn1\\.oa2-cs\\.[A-Za-z0-9.]{10,}")); // an LWA client secret

    @Test
    void noLogOfTheWholeTestRunHoldsASecret() throws IOException {
        Path logs = Path.of("target", "test-logs");
        List<Path> files;
        try (Stream<Path> listed = Files.list(logs)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        long lines = 0;
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines += text.size();
            for (int i = 0; i < text.size(); i++) {
                for (Pattern secret : SECRETS) {
                    if (secret.matcher(text.get(i)).find()) {
                        found.add(file.getFileName() + ":" + (i + 1) + " matches " + secret.pattern());
                    }
                }
            }
        }
        assertThat(lines).as("the logs of the test run, to search").isGreaterThan(1000);
        assertThat(found).isEmpty();
    }
}
