package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance, through the real jar: after a demo {@code run --once}, {@code status} lists the job. */
class StatusCommandIT {

    @TempDir
    Path workDir;

    @Test
    void afterADemoRunStatusListsTheJobWithItsLastRunAndWatermark() throws Exception {
        PayreportsJar.Result run = PayreportsJar.run(workDir, List.of(), "run", "--once");
        assertThat(run.exitCode()).as(run.output()).isZero();

        PayreportsJar.Result table = PayreportsJar.run(workDir, List.of(), "status");
        assertThat(table.exitCode()).as(table.output()).isZero();
        String line = table.output()
                .lines()
                .filter(l -> l.startsWith("amazonpay-settlement "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job line in:\n" + table.output()));
        // JOB, LAST START (date time), LAST END (date time), OUTCOME, RECORDS, DEAD-LETTERED, WATERMARK, LAG, NEXT RUN,
        // NODE
        assertThat(line)
                .matches(
                        "amazonpay-settlement +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +\\S+ \\S+ +ok +[1-9]\\d* +0 "
                                + "+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +\\S+( \\S+)? +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +\\S+");

        PayreportsJar.Result json = PayreportsJar.run(workDir, List.of(), "status", "--json");
        assertThat(json.exitCode()).as(json.output()).isZero();
        JsonNode status = new ObjectMapper()
                .readTree(json.output().substring(json.output().indexOf('{')));
        JsonNode job = null;
        for (JsonNode each : status.get("jobs")) {
            if (each.get("job").asText().equals("amazonpay-settlement")) {
                job = each;
            }
        }
        assertThat(job).as("the settlement job in " + status).isNotNull();
        assertThat(job.get("outcome").asText()).isEqualTo("ok");
        assertThat(job.get("records").asLong()).isPositive();
        assertThat(job.get("deadLettered").asLong()).isZero();
        assertThat(job.get("node").asText()).isNotBlank();
        Instant lastStart = Instant.parse(job.get("lastStart").asText());
        Instant lastEnd = Instant.parse(job.get("lastEnd").asText());
        assertThat(lastEnd).isAfterOrEqualTo(lastStart);
        Instant watermark = Instant.parse(job.get("watermark").asText());
        assertThat(watermark).isBefore(lastEnd);
        assertThat(job.get("lagSeconds").asLong()).isPositive();
        assertThat(Instant.parse(job.get("nextFire").asText()))
                .as("the demo job's cron fires within the hour")
                .isAfter(lastEnd)
                .isBefore(Instant.parse(status.get("at").asText()).plusSeconds(3601));
    }
}
