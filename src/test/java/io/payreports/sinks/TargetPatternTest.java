package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.reports.ReportContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Remote paths: the default account's where they were before accounts, another account's apart. */
class TargetPatternTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2026-10-05T00:00:00Z");

    @Test
    void theDefaultAccountKeepsItsPathsAndAnotherAccountGetsAFolderOfItsName() {
        TargetPattern pattern = new TargetPattern("{reportType}/{yyyy}/{MM}/{reportId}.csv", CLOCK);

        assertThat(pattern.resolve(report(ReportContext.DEFAULT_ACCOUNT), TestRecord.LAYOUT))
                .isEqualTo("T/2026/10/R1.csv");
        assertThat(pattern.resolve(report("eu"), TestRecord.LAYOUT)).isEqualTo("eu/T/2026/10/R1.csv");
    }

    @Test
    void aPatternThatPlacesTheAccountItselfGetsNoFolderOnTop() {
        TargetPattern pattern = new TargetPattern("{layout}/{account}/{reportId}.jsonl", CLOCK);

        assertThat(pattern.resolve(report("eu"), TestRecord.LAYOUT)).isEqualTo("test_record/eu/R1.jsonl");
        assertThat(pattern.resolve(report(ReportContext.DEFAULT_ACCOUNT), TestRecord.LAYOUT))
                .isEqualTo("test_record/default/R1.jsonl");
        assertThatThrownBy(() -> new TargetPattern("{merchant}/{reportId}.csv", CLOCK))
                .hasMessageContaining("unknown placeholder {merchant}");
    }

    private static ReportContext report(String account) {
        return new ReportContext("job", account, "R1", "T", START, START.plusSeconds(86_400));
    }
}
