package io.payreports.cli;

import io.payreports.config.ConfigException;
import io.payreports.config.ConfigFiles;
import io.payreports.config.ConfigurationCheck;
import io.payreports.config.DataSources;
import io.payreports.config.PayreportsSettings;
import io.payreports.config.RuntimeClock;
import io.payreports.sinks.DeadLetterWriter;
import io.payreports.sinks.Redaction;
import io.payreports.state.StateDatabaseException;
import io.payreports.status.JobStatus;
import io.payreports.status.NextFires;
import io.payreports.status.Status;
import io.payreports.status.StatusFormat;
import io.payreports.status.StatusPage;
import io.payreports.status.StatusReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows every job's last run (start, end, outcome, node), records delivered and dead-lettered, watermark,",
            "lag of the newest delivered data and next run, from the state database: also while `run` runs, and for",
            "every node of a cluster. An embedded H2 state database that a running `run` holds is read through that",
            "run's /observe/status.json when its HTTP server is on."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no job's last run failed",
            "1:a job's last run failed",
            "2:bad configuration, or the state database could not be read"
        })
public class StatusCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file (default: config/application.properties when present).")
    Path config;

    @Option(
            names = "--routes",
            paramLabel = "DIR",
            description = "Folder of job files (default: PAYREPORTS_ROUTES_DIR, else ./routes, else the demo job).")
    Path routes;

    @Option(names = "--json", description = "Print the status as JSON, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        ConfigurationCheck.Outcome check = ConfigurationCheck.check(config, routes);
        if (!check.valid()) {
            check.problems().forEach(System.err::println);
            return 2;
        }
        Optional<Path> operatorConfig;
        PayreportsSettings settings;
        try {
            operatorConfig = ConfigFiles.operatorConfig(config);
            settings = ConfigFiles.readSettings(operatorConfig);
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return 2;
        }
        String stateUrl = Redaction.jdbcUrl(settings.stateJdbcUrl());
        Clock clock = RuntimeClock.get();
        Status status;
        Map<String, Instant> nextFires = new HashMap<>(NextFires.fromCrons(check.crons(), clock.instant()));
        try (DataSources dataSources = new DataSources()) {
            DataSource state = dataSources.forUrl(readingOnly(settings.stateJdbcUrl()));
            if (ConfigFiles.readCluster(operatorConfig).enabled()) {
                nextFires.putAll(NextFires.fromQuartzTables(state)); // the nodes' shared triggers
            }
            status = StatusReport.reading(state, settings.outputDir(), clock).read(nextFires);
        } catch (SQLException | RuntimeException e) {
            if (isH2NotCreated(e)) {
                status = StatusReport.withoutState(nextFires, settings.outputDir(), clock);
                stateUrl = "the configuration only: no run recorded yet, " + stateUrl + " does not exist";
            } else if (DataSources.inUseByAnotherProcess(e)) {
                Optional<Status> running = fromRunningInstance(operatorConfig);
                if (running.isEmpty()) {
                    System.err.println("status: the H2 state database " + stateUrl
                            + " is open in a running payreports, and its " + StatusPage.JSON_PATH
                            + " did not answer on 127.0.0.1 at the configured camel.management.port: run both with"
                            + " PAYREPORTS_HTTP_ENABLED=true (camel.management.enabled = true), or keep the state in"
                            + " PostgreSQL (payreports.state.jdbc-url), which any number of readers share");
                    return 2;
                }
                status = running.get();
                stateUrl = "the running payreports' " + StatusPage.JSON_PATH;
            } else {
                System.err.println("status: the state database " + stateUrl + " could not be read: "
                        + StateDatabaseException.describe(e));
                return 2;
            }
        }
        if (json) {
            System.out.println(StatusFormat.json(status));
        } else {
            StatusTable.print(System.out, status, stateUrl, settings.outputDir());
        }
        return status.jobs().stream().anyMatch(job -> "failed".equals(job.outcome())) ? 1 : 0;
    }

    /** An embedded H2 database that is not there is not created by looking at it. */
    private static String readingOnly(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") ? url + ";IFEXISTS=TRUE" : url;
    }

    private static boolean isH2NotCreated(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                return true;
            }
        }
        return false;
    }

    /** The status a running instance on this host serves, when its management HTTP server is on. */
    private static Optional<Status> fromRunningInstance(Optional<Path> operatorConfig) {
        if (!Boolean.parseBoolean(ConfigFiles.property(operatorConfig, "camel.management.enabled"))) {
            return Optional.empty();
        }
        String port = ConfigFiles.property(operatorConfig, "camel.management.port");
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + StatusPage.JSON_PATH))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(StatusFormat.parse(response.body())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The table printed by {@code status}. */
    static final class StatusTable {
        private static final String ROW = "%-28s %-20s %-20s %-7s %9s %13s %-20s %8s %-20s %s";

        private StatusTable() {}

        static void print(PrintStream out, Status status, String source, Path outDir) {
            out.println("payreports status at " + StatusFormat.time(status.at()) + " (from " + source + ")");
            TextTable table = new TextTable(ROW)
                    .row(
                            "JOB",
                            "LAST START",
                            "LAST END",
                            "OUTCOME",
                            "RECORDS",
                            "DEAD-LETTERED",
                            "WATERMARK",
                            "LAG",
                            "NEXT RUN",
                            "NODE");
            for (JobStatus job : status.jobs()) {
                table.row(
                        job.label(),
                        StatusFormat.time(job.lastStart()),
                        StatusFormat.time(job.lastEnd()),
                        StatusFormat.value(job.outcome()),
                        StatusFormat.value(job.records()),
                        StatusFormat.value(job.deadLettered()),
                        StatusFormat.time(job.watermark()),
                        StatusFormat.lag(job.lagSeconds()),
                        StatusFormat.time(job.nextFire()),
                        StatusFormat.value(job.node()));
            }
            table.print(out);
            if (status.jobs().isEmpty()) {
                out.println("(no jobs: add a job file under routes/)");
            }
            for (JobStatus job : status.jobs()) {
                if (job.failure() != null) {
                    out.println(job.label() + ": last run failed: " + job.failure());
                }
                if (!job.deadLetterFiles().isEmpty()) {
                    out.println(job.label() + ": " + job.deadLetterFiles().size() + " dead-letter files waiting in "
                            + DeadLetterWriter.jobDirectory(outDir, job.account(), job.job()) + " ("
                            + job.replayable().size()
                            + " replayable with `payreports replay`)");
                }
            }
        }
    }
}
