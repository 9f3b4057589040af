package io.payreports.cli;

import io.payreports.config.ConfigException;
import io.payreports.config.ConfigFiles;
import io.payreports.config.ConfigurationCheck;
import io.payreports.config.PayreportsApplication;
import io.payreports.jobs.JobRun;
import io.payreports.jobs.JobRuns;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the runtime: every job in routes/ on its Quartz schedule.",
            "With no configuration at all it runs the built-in demo: the Amazon Pay simulator in-process,",
            "records delivered to ./out and an embedded database under ./data."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every job succeeded",
            "1:a job or a report failed (see the dead-letter folder)",
            "2:bad configuration"
        })
public class RunCommand implements Callable<Integer> {

    /** Time for the scheduler to start the triggered jobs, on top of their deadline. */
    private static final Duration START_MARGIN = Duration.ofMinutes(1);

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Properties file overriding the defaults (default: config/application.properties when present).")
    Path config;

    @Option(
            names = "--routes",
            paramLabel = "DIR",
            description = "Folder of job files (default: PAYREPORTS_ROUTES_DIR, else ./routes, else the demo job).")
    Path routes;

    @Option(names = "--once", description = "Run every job one time, wait for delivery, print a summary and exit.")
    boolean once;

    @Option(
            names = "--job",
            paramLabel = "ID",
            description = "With --once: run only this job (its routeId); repeatable.")
    List<String> jobs = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description =
                    "With --once: how long to wait for the jobs (ISO-8601, e.g. PT10M); a run still going then ends FAILED."
                            + " Each run has its deadline anyway, payreports.run.deadline (default 1h).")
    Duration timeout;

    @Option(
            names = "--backfill",
            description =
                    "Instead of the jobs: request reports of --report-type for --from..--to with createReport, wait for them and deliver them.")
    boolean backfill;

    @Option(names = "--report-type", paramLabel = "TYPE", description = "With --backfill: the Amazon Pay report type.")
    String reportType;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "With --backfill: first day (yyyy-MM-dd, UTC), inclusive.")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "With --backfill: last day (yyyy-MM-dd, UTC), exclusive.")
    LocalDate to;

    @Option(
            names = "--account",
            paramLabel = "NAME",
            defaultValue = ReportContext.DEFAULT_ACCOUNT,
            description =
                    "With --backfill: the merchant account whose reports are requested (payreports.accounts.NAME.*; default ${DEFAULT-VALUE}: the single-account keys).")
    String account;

    @Option(
            names = "--sinks",
            defaultValue = "file,jdbc",
            description = "With --backfill: sinks to deliver to (default ${DEFAULT-VALUE}).")
    String sinks;

    @Override
    public Integer call() throws Exception {
        if (backfill && (reportType == null || from == null || to == null || !to.isAfter(from))) {
            System.err.println("run --backfill needs --report-type TYPE --from DATE --to DATE, with --to after --from");
            return 2;
        }
        if (!jobs.isEmpty() && !once) {
            System.err.println("run --job needs --once (a scheduled run runs every job of the routes folder)");
            return 2;
        }
        // the same check as validate: a configuration it rejects never starts
        ConfigurationCheck.Outcome check = ConfigurationCheck.check(config, routes);
        if (!ValidateCommand.CheckReport.print(check)) {
            return 2;
        }
        Optional<Path> routesDir = ConfigFiles.routesDir(routes);
        try (PayreportsApplication application = once || backfill
                ? PayreportsApplication.createLocal(config, routesDir)
                : PayreportsApplication.create(config, routesDir)) {
            if (backfill) {
                ConfigFiles.readAccount(ConfigFiles.operatorConfig(config), account); // a name no one declared
                application.start();
                List<String> notCompleted = application.backfill(
                        account,
                        reportType,
                        from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        sinks);
                List<JobRun> runs = application.jobRuns().finished();
                RunSummary.print(System.out, runs, application.describeMode(), check);
                notCompleted.forEach(report -> System.out.println("not delivered, Amazon ended it: " + report));
                return runs.stream().allMatch(JobRun::succeeded) ? 0 : 1;
            }
            if (!once) {
                application.runUntilStopped();
                return 0;
            }
            application.start();
            int triggered;
            try {
                triggered = application.triggerJobs(jobs);
            } catch (IllegalArgumentException e) {
                System.err.println("run --job: " + e.getMessage());
                return 2;
            }
            // JobRuns closes a run at payreports.run.deadline as FAILED; --timeout may end the wait sooner
            JobRuns jobRuns = application.jobRuns();
            if (!jobRuns.awaitFinished(
                    triggered, timeout == null ? jobRuns.runDeadline().plus(START_MARGIN) : timeout)) {
                jobRuns.expireRunning(timeout == null ? JobRuns.RUN_DEADLINE : "run --once --timeout " + timeout);
            }
            List<JobRun> runs = jobRuns.finished();
            RunSummary.print(System.out, runs, application.describeMode(), check);
            if (runs.size() < triggered) {
                System.err.println(
                        "run --once: " + (triggered - runs.size()) + " of " + triggered + " jobs never started");
                return 1;
            }
            return runs.stream().allMatch(JobRun::succeeded) ? 0 : 1;
        } catch (ConfigException e) {
            e.problems().forEach(problem -> System.err.println(problem));
            return 2;
        }
    }

    /** The table printed by {@code run --once}. */
    static final class RunSummary {
        private RunSummary() {}

        static void print(PrintStream out, List<JobRun> runs, String mode, ConfigurationCheck.Outcome check) {
            out.println("payreports run summary (" + mode + ")");
            List<String> sinks = runs.stream()
                    .flatMap(run -> run.deliveredBySink().keySet().stream())
                    .distinct()
                    .sorted()
                    .toList();
            TextTable table = new TextTable("%-28s %8s %8s %9s" + " %9s".repeat(sinks.size()) + " %13s %10s  %s");
            List<String> header = new ArrayList<>(List.of("JOB", "REPORTS", "FAILED", "RECORDS"));
            header.addAll(sinks);
            header.addAll(List.of("DEAD-LETTERED", "DURATION", "STATUS"));
            table.row(header);
            for (JobRun run : runs) {
                List<String> line = new ArrayList<>(List.of(
                        run.label(),
                        Long.toString(run.reportsDelivered()),
                        Long.toString(run.reportsFailed()),
                        Long.toString(run.records())));
                sinks.forEach(sink -> line.add(sinkCell(run, sink)));
                line.addAll(List.of(
                        Long.toString(run.deadLettered()),
                        String.format("%.1fs", run.duration().toMillis() / 1000.0),
                        status(run)));
                table.row(line);
            }
            table.print(out);
            runs.stream()
                    .filter(run -> run.rowsRejected() > 0)
                    .forEach(run -> out.println(run.label() + ": " + run.rowsRejected()
                            + " rows did not parse; dead letters: " + run.rejectedRowFiles()));
            if (runs.isEmpty()) {
                out.println("(no jobs ran: add a job file under routes/)");
            }
            TextTable destinations = new TextTable("%-9s -> %s");
            sinks.forEach(sink -> destinations.row(sink, check.destinations().getOrDefault(sink, "(not configured)")));
            destinations.print(out);
            check.deadLetters().filter(RunSummary::hasFiles).ifPresent(dir -> out.println("dead letters in " + dir));
        }

        private static boolean hasFiles(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.anyMatch(Files::isRegularFile);
            } catch (IOException e) {
                return false; // no folder yet: nothing was dead-lettered
            }
        }

        private static String status(JobRun run) {
            if (run.succeeded()) {
                return "ok";
            }
            if (run.failure() != null) {
                return "FAILED: " + run.failure();
            }
            return run.rowsRejected() > 0 ? "FAILED: " + run.rowsRejected() + " rows rejected" : "FAILED";
        }

        /** Records a sink took; {@code 0+1358dl} when it dead-lettered some after its retries. */
        private static String sinkCell(JobRun run, String sink) {
            long delivered = run.deliveredBySink().getOrDefault(sink, 0L);
            long parked = run.deadLetteredBySink().getOrDefault(sink, 0L);
            return parked == 0 ? Long.toString(delivered) : delivered + "+" + parked + "dl";
        }
    }
}
