package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.status.JobStatus;
import io.payreports.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code status} table: one column under each header, however long an account's job name is. */
class StatusTableTest {

    private static final Instant START = Instant.parse("2026-11-30T03:58:38Z");

    @Test
    void aLongAccountJobNamePushesEveryLinesColumnsRightAlike() {
        List<String> lines = print(
                job("amazonpay-settlement", "default"),
                job("amazonpay-settlement", "eu"),
                job("amazonpay-disbursements-eu", "eu"));

        assertThat(lines.get(2)).startsWith("amazonpay-settlement ");
        assertThat(lines.get(3)).startsWith("eu/amazonpay-settlement ");
        assertThat(lines.get(4)).startsWith("eu/amazonpay-disbursements-eu ");
        int lastStart = lines.get(1).indexOf("LAST START");
        int outcome = lines.get(1).indexOf("OUTCOME");
        assertThat(lastStart)
                .as("one blank after the longest name")
                .isEqualTo("eu/amazonpay-disbursements-eu".length() + 1);
        for (String line : lines.subList(2, 5)) {
            assertThat(line.indexOf("2026-11-30 03:58:38Z")).as(line).isEqualTo(lastStart);
            assertThat(line.indexOf(" ok ")).as(line).isEqualTo(outcome - 1);
        }
    }

    @Test
    void namesThatFitKeepTheTwentyEightWideJobColumn() {
        List<String> lines = print(job("amazonpay-settlement", "default"), job("amazonpay-settlement", "eu"));

        assertThat(lines.get(1)).startsWith("JOB" + " ".repeat(26) + "LAST START");
        assertThat(lines.get(3)).startsWith("eu/amazonpay-settlement" + " ".repeat(6) + "2026-11-30 03:58:38Z");
    }

    private static JobStatus job(String job, String account) {
        return new JobStatus(
                job,
                account,
                START,
                START.plusSeconds(14),
                "ok",
                1248L,
                0L,
                null,
                "payreports-7c9f",
                START.minusSeconds(900_000),
                907_000L,
                START.plusSeconds(982),
                List.of());
    }

    private static List<String> print(JobStatus... jobs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatusCommand.StatusTable.print(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new Status(START.plusSeconds(125), List.of(jobs)),
                "jdbc:h2:file:./data/payreports",
                Path.of("out"));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
