package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken configurations that {@code validate} once called valid while {@code run} failed or quietly did
 * something else: each must now get the same verdict and the same {@code FILE:LINE: key: message}
 * from both commands.
 */
class ConfigurationCorpusTest {

    private static final String SETTLEMENT_JOB = """
            - templatedRoute:
                routeTemplateRef: amazonpay-reports
                routeId: %1$s
                parameters:
                  - name: jobId
                    value: %1$s
                  - name: %2$s
                    value: file
            """;
    private static final String MWS_JOB = """
            - templatedRoute:
                routeTemplateRef: mws-reports
                routeId: mws-settlement
                parameters:
                  - name: jobId
                    value: mws-settlement
            """;

    /** A broken configuration: its properties, its job files, and the one problem line both commands must print. */
    record Case(String name, String properties, Map<String, String> jobs, String schedules, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    static Stream<Case> brokenConfigurations() {
        Map<String, String> settlement = Map.of("settlement.yaml", SETTLEMENT_JOB.formatted("settlement", "sinks"));
        return Stream.of(
                new Case(
                        "a sink type that does not exist",
                        "payreports.sinks.wh.type = postgres\n",
                        settlement,
                        null,
                        "app.properties:1: payreports.sinks.wh.type: must be one of file, jdbc, sftp, s3, kafka, not 'postgres'"
                                + " (a database is type jdbc with payreports.sinks.wh.url)"),
                new Case(
                        "a jdbc sink whose url key is misspelt",
                        "payreports.sinks.wh.type = jdbc\npayreports.sinks.wh.ulr = jdbc:postgresql://127.0.0.1/x\n",
                        settlement,
                        null,
                        "app.properties:2: payreports.sinks.wh.ulr: unknown option of a jdbc sink, did you mean payreports.sinks.wh.url?"),
                new Case(
                        "a jdbc sink without its url",
                        "payreports.sinks.wh.type = jdbc\n",
                        settlement,
                        null,
                        "app.properties:1: payreports.sinks.wh.url: required: a jdbc:postgresql: or jdbc:h2: URL"),
                new Case(
                        "the built-in jdbc sink's url misspelt",
                        "payreports.sinks.jdbc.ulr = jdbc:postgresql://127.0.0.1/x\n",
                        settlement,
                        null,
                        "app.properties:1: payreports.sinks.jdbc.ulr: unknown option of a jdbc sink, did you mean payreports.sinks.jdbc.url?"),
                new Case(
                        "an sftp sink without its host",
                        "payreports.sinks.drop.type = sftp\npayreports.sinks.drop.username = u\npayreports.sinks.drop.password = p\n",
                        settlement,
                        null,
                        "app.properties:1: payreports.sinks.drop.host: required"),
                new Case(
                        "a misspelt payreports key",
                        "payreports.amazonpay.regoin = eu\n",
                        settlement,
                        null,
                        "app.properties:1: payreports.amazonpay.regoin: unknown key, did you mean payreports.amazonpay.region?"),
                new Case(
                        "two job files with one id",
                        "",
                        Map.of(
                                "a.yaml",
                                SETTLEMENT_JOB.formatted("settlement", "sinks"),
                                "b.yaml",
                                SETTLEMENT_JOB.formatted("settlement", "sinks")),
                        null,
                        "b.yaml:6: jobId: 'settlement' is already the jobId of"),
                new Case(
                        "a misspelt template parameter",
                        "",
                        Map.of("settlement.yaml", SETTLEMENT_JOB.formatted("settlement", "sink")),
                        null,
                        "settlement.yaml:7: sink: unknown parameter of template 'amazonpay-reports', did you mean sinks?"),
                new Case(
                        "a job without its jobId",
                        "",
                        Map.of("settlement.yaml", """
                        - templatedRoute:
                            routeTemplateRef: amazonpay-reports
                            routeId: settlement
                        """),
                        null,
                        "settlement.yaml:2: jobId: required parameter of template 'amazonpay-reports' is missing"),
                new Case(
                        "a job sending to an undeclared sink",
                        "",
                        Map.of(
                                "settlement.yaml",
                                SETTLEMENT_JOB
                                        .formatted("settlement", "sinks")
                                        .replace("value: file", "value: file,warehouse")),
                        null,
                        "settlement.yaml:8: sinks: undeclared sink 'warehouse'"),
                new Case(
                        "an unknown route template",
                        "",
                        Map.of(
                                "settlement.yaml",
                                SETTLEMENT_JOB
                                        .formatted("settlement", "sinks")
                                        .replace("amazonpay-reports", "amazonpay-report")),
                        null,
                        "settlement.yaml:2: routeTemplateRef: unknown route template 'amazonpay-report', did you mean amazonpay-reports?"),
                new Case(
                        "a per-job cron that is not one",
                        "payreports.jobs.mws-settlement.cron = bogus\n",
                        Map.of("mws.yaml", MWS_JOB),
                        null,
                        "app.properties:1: payreports.jobs.mws-settlement.cron: not a valid Quartz cron expression 'bogus'"),
                new Case(
                        "a per-job cron for a job that does not exist",
                        "payreports.jobs.mws-setlement.cron = 0 0 * * * ?\n",
                        Map.of("mws.yaml", MWS_JOB),
                        null,
                        "app.properties:1: payreports.jobs.mws-setlement.cron: no job 'mws-setlement' in the job files, did you mean mws-settlement?"),
                new Case(
                        "a broken schedules file",
                        "",
                        settlement,
                        "schedules:\n  - reportType: _GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_\n    scheduleFrequency: daily\n",
                        "report-schedules.yaml:0: scheduleFrequency: 'daily' is not one of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigurations")
    void validateAndRunGiveTheSameVerdictAndMessage(Case broken) throws IOException {
        Path config = Files.writeString(dir.resolve("app.properties"), broken.properties());
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (Map.Entry<String, String> job : broken.jobs().entrySet()) {
            Files.writeString(routes.resolve(job.getKey()), job.getValue());
        }
        if (broken.schedules() != null) {
            Files.writeString(dir.resolve("report-schedules.yaml"), broken.schedules());
        }

        int validateExit =
                PayreportsCommand.execute("validate", "--config", config.toString(), "--routes", routes.toString());
        List<String> validateProblems = problems(console.err());
        console.clear();
        int runExit = PayreportsCommand.execute(
                "run", "--once", "--config", config.toString(), "--routes", routes.toString());
        List<String> runProblems = problems(console.err());

        assertThat(validateExit).isEqualTo(2);
        assertThat(runExit).isEqualTo(2);
        assertThat(validateProblems)
                .anySatisfy(problem ->
                        assertThat(problem).startsWith(dir.toString()).contains(broken.expected()));
        assertThat(runProblems).isEqualTo(validateProblems);
        assertThat(validateProblems)
                .as("a mistake is reported once, on its key, not echoed by the pool built from it")
                .noneMatch(problem -> problem.contains("dataSourceClassName"));
    }

    @org.junit.jupiter.api.Test
    void anEmptyRoutesFolderIsAWarningNotAFailure() throws IOException {
        Path config = Files.writeString(
                dir.resolve("app.properties"),
                "payreports.data-dir = " + dir.resolve("data") + "\npayreports.output-dir = " + dir.resolve("out")
                        + "\n");
        Path routes = Files.createDirectories(dir.resolve("routes"));

        assertThat(PayreportsCommand.execute("validate", "--config", config.toString(), "--routes", routes.toString()))
                .isZero();
        String validateWarning = console.err();
        console.clear();
        assertThat(PayreportsCommand.execute(
                        "run",
                        "--once",
                        "--config",
                        config.toString(),
                        "--routes",
                        routes.toString(),
                        "--timeout",
                        "PT10S"))
                .isZero();

        assertThat(validateWarning)
                .contains("warning: " + routes + ":0: routes: no job files (*.yaml): nothing will run");
        assertThat(problems(console.err())).isEqualTo(problems(validateWarning));
    }

    /** The FILE:LINE: key: message lines (and warnings) of a command's stderr, without log lines. */
    private static List<String> problems(String stderr) {
        return stderr.lines()
                .filter(line -> line.matches("^(warning: )?\\S+:\\d+: \\S+: .*"))
                .toList();
    }
}
