package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.config.RuntimeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance of reconciliation: the demo's data reconciles (settlements close, payouts arrive), and each break
 * the simulator injects is found and named, alone, with exit 1.
 */
class ReconcileCommandTest {

    private static final List<String> BREAKS =
            List.of("RESERVE_HELD", "FEE_ADJUSTED_LATER", "REFUND_NEXT_PERIOD", "PAYOUT_MISSING");

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void theDemosDataReconcilesAfterRunOnce() throws Exception {
        Path config = demo("");

        assertThat(PayreportsCommand.execute("run", "--once", "--config", config.toString(), "--routes", demoJobs()))
                .as(console.err())
                .isZero();
        int exit = reconcile(config);

        assertThat(exit).as(console.out() + console.err()).isZero();
        assertThat(console.out())
                .contains("balanced: every settlement closes and every payout arrived")
                .containsPattern("settlement_closes +1[2-5] +0 +0")
                .containsPattern("payout_arrives +1[2-5] +0 +0");
        Path report = onlyReport();
        assertThat(Files.readString(report)).contains("**balanced**", "| settlement closes |");
        assertThat(Files.readAllLines(Path.of(report.toString().replace(".md", ".csv"))))
                .first()
                .isEqualTo(
                        "runId,account,check,status,reason,reference,currency,expected,actual,difference,when,whenRaw,detail");
    }

    @Test
    void theDemosAmazonPayAndSpApiPayoutsAreOnePayoutEachMatchedBothWays() throws Exception {
        Path config = demo("");
        runOnceWithSpApi(config);

        // the simulators' 90 days of settlements; SP-API keeps older payouts, whose settlements are not stored
        int exit = reconcile(config, 85);

        assertThat(exit).as(console.out() + console.err()).isZero();
        assertThat(console.out()).containsPattern("payout_arrives +1[1-5] +0 +0");
        String csv = Files.readString(Path.of(onlyReport().toString().replace(".md", ".csv")));
        assertThat(csv.lines().filter(line -> line.contains(",MATCHED_BY_ID,")))
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line).contains("amazonpay-disbursement DISB-", "also spapi-transfer TR"));
    }

    @Test
    void aMissingDisbursementIsMissingFromTheSpApiTransfersToo() throws Exception {
        Path config = demo("missing-disbursement");
        runOnceWithSpApi(config);

        int exit = reconcile(config, 85);

        assertThat(exit).as(console.out() + console.err()).isEqualTo(1);
        assertThat(console.out())
                .contains("1 difference(s)")
                .containsOnlyOnce("PAYOUT_MISSING payout_arrives ")
                .doesNotContain("TRANSFER_WITHOUT_SETTLEMENT");
    }

    @Test
    void theDemosCapturesAndRefundsAreAllSettled() throws Exception {
        Path config = demo("");
        String routes = demoJobs();
        transactionReportsJob(routes);
        assertThat(PayreportsCommand.execute("run", "--once", "--config", config.toString(), "--routes", routes))
                .as(console.err())
                .isZero();

        int exit = reconcile(config);

        assertThat(exit).as(console.out() + console.err()).isZero();
        assertThat(console.out())
                .contains("balanced: every settlement closes and every payout arrived")
                .containsPattern("orders_complete +[1-9][0-9]{2,} +0 +0");
        assertThat(Files.readString(Path.of(onlyReport().toString().replace(".md", ".csv"))))
                .contains(",ORDERS_COMPLETE,MATCHED,SETTLED,");
    }

    @Test
    void anUnsettledCaptureIsNamedAloneAndExitsOne() throws Exception {
        Path config = demo("unsettled-capture");
        String routes = demoJobs();
        transactionReportsJob(routes);
        assertThat(PayreportsCommand.execute("run", "--once", "--config", config.toString(), "--routes", routes))
                .as(console.err())
                .isZero();

        int exit = reconcile(config);

        assertThat(exit).as(console.out() + console.err()).isEqualTo(1);
        assertThat(console.out())
                .contains("1 difference(s)")
                .containsOnlyOnce("NOT_SETTLED orders_complete ")
                .contains("-C000001");
        BREAKS.forEach(other -> assertThat(console.out()).doesNotContain(other));
    }

    @Test
    void theReconciliationTemplateRunsItAsAJob() throws Exception {
        Path config = demo("");
        String routes = demoJobs();
        assertThat(PayreportsCommand.execute("run", "--once", "--config", config.toString(), "--routes", routes))
                .isZero();
        Files.writeString(
                Path.of(routes, "reconciliation.yaml"),
                String.join(
                        "\n",
                        "- templatedRoute:",
                        "    routeTemplateRef: reconciliation",
                        "    routeId: reconciliation",
                        "    parameters:",
                        "      - name: jobId",
                        "        value: reconciliation",
                        "      - name: account",
                        "        value: shop-eu",
                        "      - name: days",
                        "        value: \"100\"",
                        ""));

        int exit = PayreportsCommand.execute(
                "run", "--once", "--config", config.toString(), "--routes", routes, "--job", "reconciliation");

        assertThat(exit).as(console.out() + console.err()).isZero();
        assertThat(console.out()).containsPattern("reconciliation +0 +0 +0 .* ok");
        assertThat(Files.readString(onlyReport())).contains("account shop-eu", "**balanced**");
    }

    @ParameterizedTest
    @CsvSource({
        "held-reserve, RESERVE_HELD, settlement_closes",
        "fee-adjusted-later, FEE_ADJUSTED_LATER, settlement_closes",
        "refund-next-period, REFUND_NEXT_PERIOD, settlement_closes",
        "missing-disbursement, PAYOUT_MISSING, payout_arrives"
    })
    void eachInjectedBreakIsNamedAloneAndExitsOne(String fault, String reason, String check) throws Exception {
        Path config = demo(fault);
        assertThat(PayreportsCommand.execute("run", "--once", "--config", config.toString(), "--routes", demoJobs()))
                .as(console.err())
                .isZero();

        int exit = reconcile(config);

        assertThat(exit).as(console.out() + console.err()).isEqualTo(1);
        assertThat(console.out()).contains("1 difference(s)").containsOnlyOnce(reason + " " + check + " ");
        BREAKS.stream()
                .filter(other -> !other.equals(reason))
                .forEach(other -> assertThat(console.out()).doesNotContain(other));
        assertThat(Files.readString(onlyReport())).contains("**1 difference(s)**", reason + ": ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(PayreportsCommand.execute("reconcile", "--from", "2026-03-02", "--to", "2026-03-01"))
                .isEqualTo(2);
        assertThat(PayreportsCommand.execute(
                        "reconcile", "--from", "2026-03-01", "--to", "2026-03-02", "--account", "../x"))
                .isEqualTo(2);
        assertThat(console.err())
                .contains("reconcile: --to 2026-03-01 is before --from 2026-03-02")
                .contains("reconcile: --account '../x' must be 1 to 100 of A-Z a-z 0-9 . _ - and not start with a dot");
        assertThat(PayreportsCommand.execute("reconcile", "--from", "yesterday", "--to", "2026-03-02"))
                .isEqualTo(2);
    }

    @Test
    void badTolerancesAndDemoFaultsAreNamedByKeyWithExitTwo() throws Exception {
        Path config = Files.writeString(
                dir.resolve("bad.properties"),
                "payreports.reconciliation.amount-tolerance = -1\npayreports.demo.faults = held-reservee\n");

        assertThat(PayreportsCommand.execute("validate", "--config", config.toString()))
                .isEqualTo(2);
        assertThat(console.err())
                .contains(
                        config
                                + ":1: payreports.reconciliation.amount-tolerance: must be between 0 and 1000000, not -1",
                        config + ":2: payreports.demo.faults: unknown fault 'held-reservee'");
    }

    private int reconcile(Path config) {
        return reconcile(config, 100);
    }

    private int reconcile(Path config, int days) {
        LocalDate today = LocalDate.ofInstant(RuntimeClock.get().instant(), ZoneOffset.UTC);
        return PayreportsCommand.execute(
                "reconcile",
                "--config",
                config.toString(),
                "--from",
                today.minusDays(days).toString(),
                "--to",
                today.toString());
    }

    private Path demo(String faults) throws IOException {
        Path data = dir.resolve("data");
        return Files.writeString(
                dir.resolve("demo.properties"),
                String.join(
                        "\n",
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + data,
                        "payreports.state.jdbc-url = jdbc:h2:file:" + data.resolve("state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + data.resolve("records"),
                        "payreports.demo.faults = " + faults,
                        ""));
    }

    /** The demo's jobs (the packaged settlement and disbursements jobs) as a routes folder: ./routes holds only the first. */
    private String demoJobs() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("routes/amazonpay-settlement.yaml"), routes.resolve("amazonpay-settlement.yaml"));
        Files.copy(Path.of("docs/jobs/amazonpay-disbursements.yaml"), routes.resolve("amazonpay-disbursements.yaml"));
        return routes.toString();
    }

    /** {@code run --once} of the demo's jobs and the SP-API transactions job. */
    private void runOnceWithSpApi(Path config) throws IOException {
        String routes = demoJobs();
        Files.copy(Path.of("docs/jobs/spapi-transactions.yaml"), Path.of(routes, "spapi-transactions.yaml"));
        assertThat(PayreportsCommand.execute("run", "--once", "--config", config.toString(), "--routes", routes))
                .as(console.err())
                .isZero();
    }

    /** An MWS job for the capture and refund reports: the capture report is not available through Amazon Pay API v2. */
    private static void transactionReportsJob(String routes) throws IOException {
        Files.writeString(
                Path.of(routes, "mws-transactions.yaml"),
                String.join(
                        "\n",
                        "- templatedRoute:",
                        "    routeTemplateRef: mws-reports",
                        "    routeId: mws-transactions",
                        "    parameters:",
                        "      - name: jobId",
                        "        value: mws-transactions",
                        "      - name: reportTypes",
                        "        value: _GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_,_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
                        "      - name: sinks",
                        "        value: file,jdbc",
                        ""));
    }

    private Path onlyReport() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out/reconciliation"))) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .reduce((a, b) -> {
                        throw new AssertionError("more than one report: " + a + ", " + b);
                    })
                    .orElseThrow();
        }
    }
}
