package io.payreports.status;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.List;

/**
 * The operator page ({@code GET /observe/status}): the status as plain HTML that refreshes itself (a meta refresh,
 * no JavaScript), a table on a desktop and one card per job on a phone, and each job's dead letters with a replay
 * button when replay is on. Every value is escaped: job ids, node names, failures and file names come from
 * configuration, the network and Amazon.
 */
public final class StatusPage {

    /** Beside Camel's /observe/health and /observe/metrics on the management server. */
    public static final String PATH = "/observe/status";

    public static final String JSON_PATH = PATH + ".json";
    public static final String REPLAY_PATH = PATH + "/replay";

    /** Seconds between refreshes: a run's end shows within half a minute. */
    static final int REFRESH_SECONDS = 30;

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1rem;color:#222}
            h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .ok{color:#176f2c}.failed{color:#b00020;font-weight:bold}
            .notice{padding:.5rem;border:1px solid #999;background:#f5f5f5}
            .notice.failed{border-color:#b00020}
            form{display:inline}input,button{font-size:1rem;margin:.15rem}
            li{margin:.3rem 0;word-break:break-all}
            @media (max-width:700px){
              thead{display:none}
              table,tbody,tr,td{display:block;width:auto}
              tr{border:1px solid #ccc;margin:.5rem 0;padding:.3rem}
              td{border:none;padding:.15rem .3rem;text-align:left}
              td.n{text-align:left}
              td::before{content:attr(data-label) ": ";font-weight:bold}
            }""";

    private static final List<String> COLUMNS = List.of(
            "Job",
            "Account",
            "Last run start",
            "Last run end",
            "Outcome",
            "Records",
            "Dead-lettered",
            "Watermark",
            "Lag",
            "Next run",
            "Node",
            "Dead letters");

    private StatusPage() {}

    /**
     * @param replayOff why replay is off (no token configured), or null when it is on
     * @param notice    the outcome of a replay just made, or null
     */
    public static String render(Status status, String replayOff, Notice notice) {
        StringBuilder html = new StringBuilder(8192)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"")
                .append(REFRESH_SECONDS)
                .append("; url=" + PATH + "\">")
                .append("<title>payreports status</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>payreports: jobs</h1>\n");
        if (notice != null) {
            html.append("<p id=\"notice\" class=\"notice")
                    .append(notice.ok() ? "" : " failed")
                    .append("\">")
                    .append(escapeHtml4(notice.message()))
                    .append("</p>\n");
        }
        html.append("<p>As of ")
                .append(StatusFormat.time(status.at()))
                .append(", refreshed every ")
                .append(REFRESH_SECONDS)
                .append(" s. Same data: <code>payreports status --json</code>, <a href=\"" + JSON_PATH
                        + "\">status.json</a>.</p>\n");
        html.append("<table id=\"jobs\"><thead><tr>");
        COLUMNS.forEach(column -> html.append("<th>").append(column).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        List<JobStatus> jobs = status.jobs();
        for (int i = 0; i < jobs.size(); i++) {
            JobStatus job = jobs.get(i);
            html.append("<tr data-job=\"").append(escapeHtml4(job.job())).append("\">");
            cell(html, 0, "", job.job());
            cell(html, 1, "", job.account());
            cell(html, 2, "", StatusFormat.time(job.lastStart()));
            cell(html, 3, "", StatusFormat.time(job.lastEnd()));
            cell(
                    html,
                    4,
                    job.outcome() == null ? "" : "ok".equals(job.outcome()) ? "ok" : "failed",
                    StatusFormat.value(job.outcome()) + (job.failure() == null ? "" : ": " + job.failure()));
            cell(html, 5, "n", StatusFormat.value(job.records()));
            cell(html, 6, "n", StatusFormat.value(job.deadLettered()));
            cell(html, 7, "", StatusFormat.time(job.watermark()));
            cell(html, 8, "n", StatusFormat.lag(job.lagSeconds()));
            cell(html, 9, "", StatusFormat.time(job.nextFire()));
            cell(html, 10, "", StatusFormat.value(job.node()));
            html.append("<td data-label=\"").append(COLUMNS.get(11)).append("\">");
            if (job.deadLetterFiles().isEmpty()) {
                html.append("none");
            } else {
                html.append("<a href=\"#dead-letters-")
                        .append(i)
                        .append("\">")
                        .append(job.deadLetterFiles().size())
                        .append(" waiting</a>");
            }
            html.append("</td></tr>\n");
        }
        if (jobs.isEmpty()) {
            html.append("<tr><td colspan=\"")
                    .append(COLUMNS.size())
                    .append("\">No jobs: add a job file under routes/.</td></tr>\n");
        }
        html.append("</tbody></table>\n<h2>Dead letters</h2>\n");
        if (replayOff != null) {
            html.append("<p id=\"replay-off\">Replay from this page is off: ")
                    .append(escapeHtml4(replayOff))
                    .append(". <code>payreports replay FILE</code> replays from the command line.</p>\n");
        }
        boolean any = false;
        for (int i = 0; i < jobs.size(); i++) {
            JobStatus job = jobs.get(i);
            if (job.deadLetterFiles().isEmpty()) {
                continue;
            }
            any = true;
            html.append("<section id=\"dead-letters-")
                    .append(i)
                    .append("\"><h3>")
                    .append(escapeHtml4(job.label()))
                    .append("</h3><ul>\n");
            for (String file : job.deadLetterFiles()) {
                html.append("<li data-file=\"")
                        .append(escapeHtml4(file))
                        .append("\">")
                        .append(escapeHtml4(file));
                if (JobStatus.isReplayable(file) && replayOff == null) {
                    html.append(" <form method=\"post\" action=\"" + REPLAY_PATH + "\">")
                            .append(hidden("job", job.job()))
                            .append(hidden("account", job.account()))
                            .append(hidden("file", file))
                            .append("<input type=\"password\" name=\"token\" placeholder=\"replay token\" ")
                            .append("autocomplete=\"current-password\" required aria-label=\"replay token\">")
                            .append("<button type=\"submit\">Replay</button></form>");
                } else if (!JobStatus.isReplayable(file)) {
                    html.append(" (a report or rows that failed as a whole: the next run takes the report again)");
                }
                html.append("</li>\n");
            }
            html.append("</ul></section>\n");
        }
        if (!any) {
            html.append("<p>None waiting.</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** The outcome of a replay, shown at the top of the page. */
    public record Notice(boolean ok, String message) {}

    private static void cell(StringBuilder html, int column, String css, String text) {
        html.append("<td data-label=\"").append(COLUMNS.get(column)).append('"');
        if (!css.isEmpty()) {
            html.append(" class=\"").append(css).append('"');
        }
        html.append('>').append(escapeHtml4(text)).append("</td>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escapeHtml4(value) + "\">";
    }
}
