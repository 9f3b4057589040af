package io.payreports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.reports.ReportContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRunTest {

    private final JobRun run = new JobRun("settlement", "X1", Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void stateOfTheDefaultAccountKeepsItsPreAccountKeyAndOtherAccountsTheirOwn() {
        Instant started = Instant.parse("2026-11-23T10:00:00Z");

        assertThat(run.account()).isEqualTo(ReportContext.DEFAULT_ACCOUNT);
        assertThat(run.stateKey()).isEqualTo("settlement");
        assertThat(new JobRun("settlement", "eu", "X2", started).stateKey()).isEqualTo("eu/settlement");
        assertThat(new JobRun("settlement", "jp", "X3", started).stateKey())
                .isNotEqualTo(new JobRun("settlement", "eu", "X4", started).stateKey());
    }

    @Test
    void adjacentSettlementPeriodsShowAsOneCoveredRange() {
        delivered("R1", "2026-11-01T00:00:18Z", "2026-11-08T00:00:18Z");
        delivered("R2", "2026-11-08T00:00:19Z", "2026-11-15T00:00:18Z");
        run.finish(Instant.parse("2026-11-23T10:00:02Z"));

        assertThat(run.hasWarnings()).isFalse();
        assertThat(run.summaryLine()).endsWith("covered=2026-11-01T00:00:00Z..2026-11-15T00:00:00Z");
    }

    @Test
    void aMissingPeriodShowsAsAGapAndFailedReportsAreNamed() {
        delivered("R1", "2026-11-01T00:00:18Z", "2026-11-08T00:00:18Z");
        delivered("R3", "2026-11-15T00:00:19Z", "2026-11-22T00:00:18Z");
        run.reportNotFetched("R2", "FAILED");
        run.finish(Instant.parse("2026-11-23T10:00:02Z"));

        assertThat(run.hasWarnings()).isTrue();
        assertThat(run.summaryLine())
                .contains(
                        "covered=[2026-11-01T00:00:00Z..2026-11-08T00:00:00Z, 2026-11-15T00:00:00Z..2026-11-22T00:00:00Z] (GAPS between)",
                        "not fetched=[R2 FAILED]");
    }

    private void delivered(String reportId, String start, String end) {
        run.reportDelivered(
                new ReportContext("settlement", reportId, "T", Instant.parse(start), Instant.parse(end)),
                10,
                0,
                Map.of("file", 10L),
                Map.of());
    }
}
