package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.hostile.FakeAmazonPayReports;
import io.payreports.hostile.FakeAmazonPayReports.FakeReport;
import io.payreports.hostile.HostileServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run as a whole has a deadline ({@code payreports.run.deadline}): a peer that keeps each exchange just
 * within its own limits cannot keep {@code run --once} waiting; the run ends FAILED and says what it had
 * not finished.
 */
class RunDeadlineTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void aRunPastItsDeadlineEndsFailedNamingTheReportInFlight() throws Exception {
        FakeReport report = new FakeReport("ASLOWDOCUMENT0000001", 1);
        try (HostileServer server = FakeAmazonPayReports.serve(HostileServer.start(), List.of(report))
                // a byte every 2 s: cut off by the download rate floor only after its 8 s grace, past the run's 3 s
                .on("/documents/", HostileServer.trickle("text/csv", FakeAmazonPayReports.settlementFile(), 2_000))) {
            Path config = FakeAmazonPayReports.configure(
                    dir,
                    server,
                    "jdbc:h2:file:" + dir.resolve("data/state"),
                    "payreports.http.download-min-rate = 1",
                    "payreports.http.download-grace = 8s",
                    "payreports.run.deadline = 3s",
                    "camel.main.shutdown-timeout = 2");

            int exitCode = PayreportsCommand.execute(
                    "run",
                    "--once",
                    "--config",
                    config.toString(),
                    "--routes",
                    dir.resolve("routes").toString());

            assertThat(exitCode).as(console.out() + console.err()).isEqualTo(1);
            assertThat(console.out())
                    .contains(
                            FakeAmazonPayReports.JOB,
                            "FAILED: not finished within payreports.run.deadline (3s): ",
                            "report " + report.reportId() + " in flight",
                            "1 of 1 listed reports not delivered");
        }
    }
}
