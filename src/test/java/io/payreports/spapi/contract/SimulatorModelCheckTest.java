package io.payreports.spapi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.simulator.MutableClock;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import io.payreports.spapi.LwaCredentials;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.SpApiConfig;
import io.payreports.spapi.SpApiException;
import io.payreports.spapi.SpApiOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's own hook: an exchange it would serve although Amazon's model forbids it fails loudly, where it happens. */
class SimulatorModelCheckTest {

    private static final LwaCredentials CREDENTIALS =
            new LwaCredentials("amzn1.application-oa2-client.check", "check-Secret-1234", "Atzr|check-Token-5678");

    @Test
    void aRequestTheSimulatorWouldAcceptButTheModelRefusesIsAnsweredModelViolationAndFailsTheTest() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-15T12:00:00Z"));
        try (SpApiSimulator simulator =
                SpApiSimulator.start(SpApiSimulatorOptions.of(0, clock).withCredentials(CREDENTIALS))) {
            SpApiClient client = new SpApiClient(
                    new SpApiConfig(
                            simulator.baseUrl(),
                            simulator.lwaEndpoint(),
                            CREDENTIALS,
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(30)),
                    clock);

            // the model's paymentMethodTypes has uniqueItems: true; the simulator alone would not mind
            assertThatThrownBy(() -> client.call(
                            SpApiOperation.getPaymentMethods,
                            Map.of("marketplaceId", "ATVPDKIKX0DER", "paymentMethodTypes", "CARD,CARD"),
                            ""))
                    .isInstanceOf(SpApiException.class)
                    .hasMessageContaining("HTTP 500 ModelViolation")
                    .hasMessageContaining("GET /finances/transfers/2024-06-01/paymentMethods");
        }
        assertThat(ModelValidatingCheck.takeViolations())
                .as("what ModelViolationsExtension would fail this test with (taken here on purpose)")
                .singleElement()
                .asString()
                .contains("paymentMethodTypes");
    }
}
