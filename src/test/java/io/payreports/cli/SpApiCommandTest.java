package io.payreports.cli;

import io.payreports.config.RuntimeClock;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.simulator.SpApiSimulator;
import io.payreports.simulator.SpApiSimulatorOptions;
import io.payreports.amazonpay.PemKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

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

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, "ANY", PemKeys.generateRsaKeyPair().getPublic(), RuntimeClock.get()));
        SpApiSimulator.mount(simulator, SpApiSimulatorOptions.of(0, RuntimeClock.get()));
    }

    @AfterEach
    void stop() {
        simulator.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void listTransactionsPrintsAmazonsAnswer() throws IOException {
        Instant before = RuntimeClock.get().instant().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        int exit = PayreportsCommand.execute("api", "listTransactions", "--config", config("").toString(),
                "--param", "postedAfter=" + before.minus(3, ChronoUnit.DAYS), "--param", "postedBefore=" + before, "--param", "marketplaceId=A1VC38T7YXB528");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"transactions\" : [", "\"currencyCode\" : \"JPY\"");
    }

    @Test
    void getPaymentMethodsSendsTheRequestBodyOfTheFile() throws IOException {
        Path body = Files.writeString(dir.resolve("request.json"),
                "{\"marketplaceId\":\"ATVPDKIKX0DER\",\"paymentMethodFilter\":{\"assignmentFilter\":{\"assignmentTypes\":[\"DEFAULT\"]}}}");
        int exit = PayreportsCommand.execute("api", "getPaymentMethods", "--config", config("").toString(), "--body", body.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"piDetails\"", "\"BANK_ACCOUNT\"", "\"SELLER_WALLET\"").doesNotContain("\"CARD\"");
    }

    @Test
    void initiatePayoutIsRefusedUnlessAllowedThenRecordsItsReferenceAndRefusesASecond() throws IOException {
        String[] payout = {"api", "initiatePayout", "--config", "", "--param", "marketplaceId=ATVPDKIKX0DER", "--param", "accountType=Standard Orders"};
        payout[3] = config("").toString();
        assertThat(PayreportsCommand.execute(payout)).isEqualTo(1);
        assertThat(err.toString()).contains("on-demand payouts are not enabled for ATVPDKIKX0DER:Standard Orders");

        payout[3] = config("payreports.spapi.payouts.allowed = ATVPDKIKX0DER:Standard Orders\n").toString();
        assertThat(PayreportsCommand.execute(payout)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"payoutReferenceId\" : \"");

        err.reset();
        assertThat(PayreportsCommand.execute(payout)).isEqualTo(1);
        assertThat(err.toString()).contains("a payout for ATVPDKIKX0DER:Standard Orders was requested at", "(INITIATED, payoutReferenceId ");
    }

    private Path config(String extra) throws IOException {
        return Files.writeString(dir.resolve("application.properties"), String.join("\n",
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
