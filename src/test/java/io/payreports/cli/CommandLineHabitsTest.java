package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What an operator expects of a command line: version, suggestions, completion, one job at a time, one-line errors. */
class CommandLineHabitsTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void versionNamesTheBuildCamelAndJava() {
        assertThat(PayreportsCommand.execute("--version")).isZero();

        assertThat(console.out())
                .containsPattern("payreports \\d+\\.\\d+\\.\\d+\\S*, commit \\S+")
                .contains("Apache Camel 4.", "Java " + Runtime.version().feature());
    }

    @Test
    void anUnknownCommandIsAnsweredWithTheNearestOne() {
        assertThat(PayreportsCommand.execute("runn")).isEqualTo(2);

        assertThat(console.err()).startsWith("payreports: unknown command 'runn', did you mean run?");
    }

    @Test
    void completionScriptsAreGenerated() {
        assertThat(PayreportsCommand.execute("generate-completion")).isZero();

        assertThat(console.out()).contains("complete -F", "payreports");
    }

    @Test
    void parseNamesADirectoryInOneLine() {
        assertThat(PayreportsCommand.execute(
                        "parse", "--report-type", "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_", dir.toString()))
                .isEqualTo(2);

        assertThat(console.err().strip())
                .isEqualTo("parse: " + dir + " is a directory; give one report file (plain, .gz or .zip)");
    }

    @Test
    void runOnceRunsOnlyTheJobsNamedAndSaysWhereRecordsWent() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("routes", "amazonpay-settlement.yaml"), routes.resolve("amazonpay-settlement.yaml"));
        Files.copy(
                Path.of("docs", "jobs", "amazonpay-disbursements.yaml"),
                routes.resolve("amazonpay-disbursements.yaml"));
        String database = "jdbc:h2:file:" + dir.resolve("data/payreports");
        Path config = Files.writeString(
                dir.resolve("app.properties"),
                String.join(
                        "\n",
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.state.jdbc-url = " + database,
                        "payreports.sinks.jdbc.url = " + database,
                        ""));

        assertThat(PayreportsCommand.execute(
                        "run",
                        "--once",
                        "--job",
                        "amazonpay-disbursements",
                        "--config",
                        config.toString(),
                        "--routes",
                        routes.toString()))
                .as(console.err())
                .isZero();
        assertThat(console.out())
                .contains("amazonpay-disbursements")
                .doesNotContain("amazonpay-settlement")
                .contains("file      -> " + dir.resolve("out"), "jdbc      -> " + database);

        console.clear();
        assertThat(PayreportsCommand.execute(
                        "run",
                        "--once",
                        "--job",
                        "amazonpay-disbursement",
                        "--config",
                        config.toString(),
                        "--routes",
                        routes.toString()))
                .isEqualTo(2);
        assertThat(console.err())
                .contains("run --job: no job 'amazonpay-disbursement', did you mean amazonpay-disbursements?");
    }

    @Test
    void validateConnectOpensEachDatabaseAndNamesTheOneItCannotReach() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path config = Files.writeString(
                dir.resolve("app.properties"),
                String.join(
                        "\n",
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/payreports"),
                        "payreports.sinks.warehouse.type = jdbc",
                        "payreports.sinks.warehouse.url = jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                        "payreports.sinks.lost.type = jdbc",
                        "payreports.sinks.lost.url = jdbc:postgresql://127.0.0.1:" + closedPort
                                + "/test?user=postgres&password=not-shown",
                        ""));

        assertThat(PayreportsCommand.execute(
                        "validate", "--connect", "--config", config.toString(), "--routes", "routes"))
                .isEqualTo(2);

        assertThat(console.out()).contains("sink warehouse jdbc:postgresql://127.0.0.1:5432/test: ok (PostgreSQL");
        assertThat(console.err())
                .contains(config + ":5: payreports.sinks.lost.url: cannot connect to jdbc:postgresql://127.0.0.1:"
                        + closedPort + "/test: ")
                .doesNotContain("not-shown");
        assertThat(Files.exists(dir.resolve("data")))
                .as("an embedded database is not created by a check")
                .isFalse();
    }
}
