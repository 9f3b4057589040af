package io.payreports.cli;

import io.payreports.amazonpay.AmazonPayApiException;
import io.payreports.amazonpay.ScheduleSync;
import io.payreports.config.AmazonPayConnection;
import io.payreports.config.ConfigException;
import io.payreports.config.DeclaredSchedules;
import io.payreports.config.RuntimeClock;
import io.payreports.reports.ReportContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "schedules",
        mixinStandardHelpOptions = true,
        description = {
            "Makes Amazon Pay's report schedules match the ones declared in a YAML file.",
            "Prints the plan (CREATE / REPLACE / CANCEL / UNCHANGED); --dry-run calls no write operation."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:in sync (or the dry-run plan was printed)",
            "1:Amazon answered with an error",
            "2:bad file or configuration"
        })
public class SchedulesCommand implements Callable<Integer> {

    @Option(
            names = "--file",
            paramLabel = "YAML",
            defaultValue = "config/report-schedules.yaml",
            description = "Declared schedules (default ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--dry-run", description = "Print the plan without changing anything.")
    boolean dryRun;

    @Option(
            names = "--account",
            paramLabel = "NAME",
            defaultValue = ReportContext.DEFAULT_ACCOUNT,
            description =
                    "The merchant account whose report schedules are synced (payreports.accounts.NAME.*; default ${DEFAULT-VALUE}: the single-account keys).")
    String account;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file (default: config/application.properties when present).")
    Path config;

    @Override
    public Integer call() {
        try {
            DeclaredSchedules declared = DeclaredSchedules.read(file);
            try (AmazonPayConnection connection =
                    AmazonPayConnection.fromConfigFile(config, account, RuntimeClock.get())) {
                ScheduleSync sync = new ScheduleSync(connection.client(), RuntimeClock.get());
                List<ScheduleSync.Step> plan = sync.plan(declared.schedules(), declared.prune());
                plan.forEach(System.out::println);
                if (!dryRun) {
                    sync.apply(plan);
                }
                System.out.println(dryRun ? "dry run: nothing changed" : "schedules in sync");
                return 0;
            }
        } catch (ConfigException e) {
            e.problems().forEach(problem -> System.err.println(problem));
            return 2;
        } catch (AmazonPayApiException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
