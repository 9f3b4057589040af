package io.payreports.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the operator page and the JSON form show, and that nothing in them can run as markup. */
class StatusPageTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static final JobStatus HOSTILE = new JobStatus(
            "job\"><script>alert(1)</script>",
            "default",
            AT.minusSeconds(60),
            AT.minusSeconds(50),
            "failed",
            0L,
            1L,
            "Amazon said <b>no</b> & 'left'",
            "node<img src=x onerror=alert(2)>",
            null,
            null,
            null,
            List.of("2026_R1\"><script>x</script>_file.jsonl", "R2_L0000000007.json"));

    private static final JobStatus SETTLEMENT = new JobStatus(
            "amazonpay-settlement",
            "default",
            AT.minusSeconds(3600),
            AT.minusSeconds(3586),
            "ok",
            1248L,
            0L,
            null,
            "node-1",
            Instant.parse("2026-11-19T18:08:52Z"),
            910_215L,
            Instant.parse("2026-11-23T10:15:00Z"),
            List.of("20261123T090000Z_R9_jdbc.jsonl"));

    @Test
    void everyValueIsEscaped() {
        String html = StatusPage.render(new Status(AT, List.of(HOSTILE)), null, null);

        assertThat(html)
                .doesNotContain("<script>", "<img", "<b>")
                .contains("job&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Amazon said &lt;b&gt;no&lt;/b&gt; &amp; 'left'")
                .contains("node&lt;img src=x onerror=alert(2)&gt;")
                .contains("value=\"2026_R1&quot;&gt;&lt;script&gt;x&lt;/script&gt;_file.jsonl\"");
    }

    @Test
    void aJobsRowHasItsRunWatermarkLagAndNextRunAndLinksItsDeadLetters() {
        String html = StatusPage.render(new Status(AT, List.of(SETTLEMENT)), null, null);

        assertThat(html)
                .contains("<meta http-equiv=\"refresh\" content=\"30; url=/observe/status\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .doesNotContain("<script")
                .contains("<tr data-job=\"amazonpay-settlement\">")
                .contains(">2026-11-23 09:00:00Z<", ">2026-11-23 09:00:14Z<", ">ok<", ">1248<")
                .contains(">2026-11-19 18:08:52Z<", ">10d 12h<", ">2026-11-23 10:15:00Z<", ">node-1<")
                .contains("<a href=\"#dead-letters-0\">1 waiting</a>", "<section id=\"dead-letters-0\">");
    }

    @Test
    void theReplayButtonIsOfferedOnlyWhenReplayIsOnAndOnlyForSinkDeadLetters() {
        Status status = new Status(AT, List.of(SETTLEMENT, HOSTILE));

        String off = StatusPage.render(status, "no payreports.status.replay-token is configured", null);
        assertThat(off).doesNotContain("<form").contains("Replay from this page is off: no payreports.status");

        String on = StatusPage.render(status, null, new StatusPage.Notice(true, "Replay of a/b: 3 records delivered"));
        assertThat(on)
                .contains("<p id=\"notice\" class=\"notice\">Replay of a/b: 3 records delivered</p>")
                .contains("<form method=\"post\" action=\"/observe/status/replay\">")
                .contains("<input type=\"password\" name=\"token\"");
        assertThat(on.split("<form ", -1))
                .as("one form per *.jsonl file, none for a rejected row's *.json")
                .hasSize(3);
    }

    @Test
    void lagsReadAsAnOperatorSaysThem() {
        assertThat(StatusFormat.lag(null)).isEqualTo("-");
        assertThat(StatusFormat.lag(45L)).isEqualTo("45s");
        assertThat(StatusFormat.lag(12 * 60L + 5)).isEqualTo("12m");
        assertThat(StatusFormat.lag(3 * 3600L + 5 * 60)).isEqualTo("3h 05m");
        assertThat(StatusFormat.lag(2 * 86_400L + 4 * 3600)).isEqualTo("2d 04h");
    }

    @Test
    void theJsonFormReadsBackAsTheSameStatus() throws Exception {
        Status status = new Status(AT, List.of(SETTLEMENT, HOSTILE));

        String json = StatusFormat.json(status);

        assertThat(json).contains("\"watermark\" : \"2026-11-19T18:08:52Z\"", "\"lagSeconds\" : 910215");
        assertThat(StatusFormat.parse(json)).isEqualTo(status);
    }
}
