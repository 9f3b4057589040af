package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.simulator.Faults;
import java.io.StringWriter;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The SP-API and MWS demo simulators' start-up lines name another account than the default one, as Amazon Pay's
 * does, so that an operator of several accounts can tell whose calls went to a simulator.
 */
class DemoConnectionLogTest {

    private static final Function<String, String> NO_KEYS = key -> null;
    private static final ConfigLocator LOCATOR = new ConfigLocator(Optional.empty());

    @Test
    void anotherAccountsDemoLinesNameItAndTheDefaultAccountsReadAsBefore() throws Exception {
        StringWriter logs = new StringWriter();
        try (AutoCloseable capture = LogCapture.captureLogs(logs);
                SpApiConnection defaultSpApi = spApi("default");
                SpApiConnection euSpApi = spApi("eu");
                MwsConnection defaultMws = mws("default");
                MwsConnection euMws = mws("eu")) {
            defaultSpApi.client();
            euSpApi.client();
            defaultMws.client();
            euMws.client();
            assertThat(euMws.usedDescription())
                    .as("the run summary's line of the calls")
                    .hasValueSatisfying(
                            used -> assertThat(used).startsWith("demo mode: built-in MWS simulator at http://"));
        }

        assertThat(logs.toString())
                .contains(
                        "No SP-API client id configured: using the built-in SP-API simulator at http://127.0.0.1:",
                        "No SP-API client id configured for account eu: using the built-in SP-API simulator at http://",
                        "No MWS access key configured: MWS jobs use the built-in simulator at http://127.0.0.1:",
                        "No MWS access key configured for account eu: MWS jobs use the built-in simulator at http://");
    }

    private static SpApiConnection spApi(String account) {
        return new SpApiConnection(
                account, PayreportsSettings.readSpApi(NO_KEYS, LOCATOR, account), RuntimeClock.get());
    }

    @Test
    void anMwsConnectionNoJobUsedIsNotInTheRunSummary() throws Exception {
        try (MwsConnection unused = mws("default")) {
            assertThat(unused.usedDescription()).isEmpty();
        }
    }

    private static MwsConnection mws(String account) {
        return new MwsConnection(
                account, MwsSettings.read(NO_KEYS, LOCATOR, account), RuntimeClock.get(), Faults.none());
    }
}
