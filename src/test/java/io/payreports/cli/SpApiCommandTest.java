package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.PemKeys;
import io.payreports.config.RuntimeClock;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import io.payreports.spapi.SpApiOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api listTransactions|getPaymentMethods|initiatePayout} against the SP-API simulator mounted
 * on the Amazon Pay simulator's port, as the {@code simulator} command serves it.
 */
class SpApiCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private AmazonPaySimulator simulator;
    private SpApiSimulator spApi;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        simulator = AmazonPaySimulator.start(
                SimulatorOptions.of(0, "ANY", PemKeys.generateRsaKeyPair().getPublic(), RuntimeClock.get()));
        spApi = SpApiSimulator.mount(simulator, SpApiSimulatorOptions.of(0, AMAZON_NOW));
    }

    @AfterEach
    void stop() {
        simulator.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void listTransactionsPrintsAmazonsAnswer() throws IOException {
        Instant before = AMAZON_NOW.instant().minus(5, ChronoUnit.MINUTES);
        int exit = PayreportsCommand.execute(
                "api",
                "listTransactions",
                "--config",
                config("").toString(),
                "--param",
                "postedAfter=" + before.minus(10, ChronoUnit.DAYS),
                "--param",
                "postedBefore=" + before,
                "--param",
                "marketplaceId=A1VC38T7YXB528");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"payload\" : {", "\"transactions\" : [", "\"currencyCode\" : \"JPY\"");
    }

    @Test
    void getPaymentMethodsIsAGetWithTheQueryOfItsParams() throws IOException {
        int exit = PayreportsCommand.execute(
                "api",
                "getPaymentMethods",
                "--config",
                config("").toString(),
                "--param",
                "marketplaceId=ATVPDKIKX0DER",
                "--param",
                "paymentMethodTypes=BANK_ACCOUNT,SELLER_WALLET");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"paymentMethods\"", "\"BANK_ACCOUNT\"", "\"SELLER_WALLET\"", "\"DEFAULT_DEPOSIT_METHOD\"")
                .doesNotContain("\"CARD\"");
        // the simulator counts only GET .../paymentMethods as this operation, and the model check saw the query
        assertThat(spApi.calls(SpApiOperation.getPaymentMethods)).isEqualTo(1);
    }

    @Test
    void getPaymentMethodsRefusesARequestBody() throws IOException {
        Path body = Files.writeString(dir.resolve("request.json"), "{\"marketplaceId\":\"ATVPDKIKX0DER\"}");
        assertThat(PayreportsCommand.execute(
                        "api", "getPaymentMethods", "--config", config("").toString(), "--body", body.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("getPaymentMethods is a GET: give its query as --param name=value, not --body");
    }

    @Test
    void initiatePayoutIsRefusedUnlessAllowedThenRecordsItsReferenceAndRefusesASecond() throws IOException {
        String[] payout = {
            "api",
            "initiatePayout",
            "--config",
            "",
            "--param",
            "marketplaceId=ATVPDKIKX0DER",
            "--param",
            "accountType=Standard Orders"
        };
        payout[3] = config("").toString();
        assertThat(PayreportsCommand.execute(payout)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("on-demand payouts are not enabled for ATVPDKIKX0DER:Standard Orders");

        payout[3] = config("payreports.spapi.payouts.allowed = ATVPDKIKX0DER:Standard Orders\n")
                .toString();
        assertThat(PayreportsCommand.execute(payout))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"payoutReferenceId\" : \"");

        err.reset();
        assertThat(PayreportsCommand.execute(payout)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "a payout for ATVPDKIKX0DER:Standard Orders was requested at",
                        "(INITIATED, payoutReferenceId ");
    }

    /** The simulated data follows this clock, not today's. */
    private static final Clock AMAZON_NOW = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    private Path config(String extra) throws IOException {
        return Files.writeString(
                dir.resolve("application.properties"),
                String.join(
                        "\n",
                        "payreports.spapi.endpoint = " + simulator.baseUrl(),
                        "payreports.spapi.lwa-endpoint = " + simulator.baseUrl() + SpApiSimulator.LWA_PATH,
                        "payreports.spapi.client-id = amzn1.application-oa2-client.cli",
                        "payreports.spapi.client-secret = cli-secret",
                        "payreports.spapi.refresh-token = Atzr|cli",
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                        extra));
    }
}
