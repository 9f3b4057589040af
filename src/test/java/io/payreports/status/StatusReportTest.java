package io.payreports.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.FinishedRuns;
import io.payreports.reports.ReportContext;
import io.payreports.sinks.DeadLetter;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.TestDatabases;
import io.payreports.state.RunHistory;
import io.payreports.state.WatermarkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job of another account than the default: one line with its account, its watermark and its dead letters. */
class StatusReportTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aJobOfAnotherAccountShowsItsAccountAndTheStateKeptUnderItsStateKey() throws Exception {
        DataSource state = TestDatabases.h2(dir);
        WatermarkStore watermarks = new WatermarkStore(state);
        RunHistory history = new RunHistory(state, "node-1");
        history.record(FinishedRuns.empty("settlement-eu", "eu", NOW.minusSeconds(60), NOW.minusSeconds(50)));
        watermarks.advance("eu/settlement-eu", NOW.minusSeconds(3600));
        watermarks.advance("settlement-na", NOW.minusSeconds(7200));
        Path out = dir.resolve("out");
        new DeadLetterWriter(out, CLOCK)
                .write(DeadLetter.of(
                        new ReportContext("settlement-eu", "eu", "R1", "T", null, null),
                        null,
                        new IllegalStateException("no"),
                        null,
                        "",
                        NOW));

        Status status = new StatusReport(history, watermarks, out, CLOCK)
                .read(Map.of("settlement-eu", NOW.plusSeconds(600), "settlement-na", NOW.plusSeconds(900)));

        assertThat(status.jobs()).extracting(JobStatus::job).containsExactly("settlement-eu", "settlement-na");
        JobStatus eu = status.jobs().get(0);
        assertThat(eu.account()).isEqualTo("eu");
        assertThat(eu.label()).isEqualTo("eu/settlement-eu");
        assertThat(eu.watermark()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(eu.lastEnd()).isEqualTo(NOW.minusSeconds(50));
        assertThat(eu.deadLetterFiles()).hasSize(1);
        JobStatus na = status.jobs().get(1);
        assertThat(na.account()).isEqualTo(ReportContext.DEFAULT_ACCOUNT);
        assertThat(na.label()).isEqualTo("settlement-na");
        assertThat(na.watermark()).isEqualTo(NOW.minusSeconds(7200));
    }
}
