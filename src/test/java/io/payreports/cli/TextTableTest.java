package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    private static final String PATTERN = "%-8s %5s  %s";

    @Test
    void cellsThatFitAreLaidOutAsStringFormatWould() {
        TextTable table = new TextTable(PATTERN).row("JOB", "COUNT", "STATUS").row("short", "12", "ok");

        assertThat(table.lines())
                .containsExactly(
                        String.format(PATTERN, "JOB", "COUNT", "STATUS"), String.format(PATTERN, "short", "12", "ok"));
    }

    @Test
    void aWiderCellWidensItsColumnOnEveryLineAndTheLastColumnIsNotPadded() {
        TextTable table = new TextTable(PATTERN)
                .row("JOB", "COUNT", "STATUS")
                .row("eu/amazonpay-settlement", "1234567", "FAILED: timeout")
                .row("short", "12", "ok");

        assertThat(table.lines())
                .containsExactly(
                        "JOB                       COUNT  STATUS",
                        "eu/amazonpay-settlement 1234567  FAILED: timeout",
                        "short                        12  ok");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new TextTable(PATTERN).row("JOB", "COUNT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 cells for 3 columns");
    }
}
