package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line contract of design.md §1: commands, help, exit codes, FILE:LINE: key: message. */
class CommandLineTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "simulator", "api", "parse", "validate"}) {
            assertThat(PayreportsCommand.execute(command, "--help")).isZero();
        }
        assertThat(console.out())
                .contains(
                        "Usage: payreports run",
                        "Usage: payreports simulator",
                        "Usage: payreports api",
                        "Usage: payreports parse",
                        "Usage: payreports validate");
    }

    @Test
    void validateAcceptsTheShippedConfigurationAndRoutes() {
        assertThat(PayreportsCommand.execute("validate", "--config", "config/application.properties"))
                .isZero();
        assertThat(console.out()).contains("configuration and routes are valid");
    }

    @Test
    void validateNamesFileLineAndKeyOfEachProblem() throws Exception {
        Path config = Files.writeString(
                dir.resolve("app.properties"), "# comment\npayreports.amazonpay.environment = prod\n");

        assertThat(PayreportsCommand.execute("validate", "--config", config.toString()))
                .isEqualTo(2);
        assertThat(console.err().strip())
                .isEqualTo(config + ":2: payreports.amazonpay.environment: must be one of live, sandbox, not 'prod'");
    }

    @Test
    void theSandboxOnlyAcceptsJobsForTheSandboxSettlementReport() throws Exception {
        Path config =
                Files.writeString(dir.resolve("sandbox.properties"), "payreports.amazonpay.environment = sandbox\n");

        assertThat(PayreportsCommand.execute("validate", "--config", config.toString()))
                .isEqualTo(2);
        assertThat(console.err())
                .contains(
                        "amazonpay-settlement.yaml:13: reportType: the sandbox environment only has "
                                + "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_, not _GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        assertThat(PayreportsCommand.execute("run", "--once", "--config", "nowhere.properties"))
                .isEqualTo(2);
        assertThat(console.err()).contains("nowhere.properties:0: --config: file not found");
    }

    @Test
    void parseWritesJsonLinesAndReportsBadRowsWithTheirLine() {
        int exit = PayreportsCommand.execute(
                "parse",
                "--report-type",
                "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                "src/test/resources/reports/malformed-rows.csv");

        assertThat(exit).isEqualTo(3);
        assertThat(console.out().lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"reportId\":\"malformed-rows\""));
        assertThat(console.err()).contains("line 6: TransactionAmount: not a number: '12,34,5'");
    }

    @ParameterizedTest
    @CsvSource({
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_, types/order-reference.csv, 1",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_, types/billing-agreement.csv, 1",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_, types/authorization.csv, 2",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_, types/capture.csv, 2",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_, types/refund.csv, 1",
        "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_, types/multi-currency.csv, 2",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_, amazon-sample.csv, 4"
    })
    void parseReadsEveryReportTypeAndExitsZeroForCleanInput(String reportType, String fixture, int records) {
        int exit = PayreportsCommand.execute(
                "parse", "--report-type", reportType, "src/test/resources/reports/" + fixture);

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out().lines()).hasSize(records);
    }

    @Test
    void parseTakesTheCharsetAndNamesTheProblemWhenItIsWrong() {
        String file = "src/test/resources/reports/quirks/windows-1252.csv";
        assertThat(PayreportsCommand.execute(
                        "parse", "--report-type", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_", file))
                .isEqualTo(2);
        assertThat(console.err()).contains("is not UTF-8 text", "set the job's charset");

        assertThat(PayreportsCommand.execute(
                        "parse",
                        "--report-type",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                        "--charset",
                        "windows-1252",
                        file))
                .isZero();
        assertThat(console.out()).contains("\"storeName\":\"Café Übersee\"");
    }
}
