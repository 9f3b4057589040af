package io.payreports.cli;

import io.payreports.config.ConfigurationCheck;
import io.payreports.reports.ReportContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the configuration, the sinks and the job files without starting any job: the same check run does first.",
            "Each problem is printed as FILE:LINE: key: message."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:configuration and routes are valid (warnings, if any, on stderr)",
            "2:problems were found (printed on stderr)"
        })
public class ValidateCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file to check (default: config/application.properties when present).")
    Path config;

    @Option(
            names = "--routes",
            paramLabel = "DIR",
            description = "Folder of job files (default: PAYREPORTS_ROUTES_DIR, else ./routes).")
    Path routes;

    @Option(
            names = "--connect",
            description =
                    "Also open each configured database (state, jdbc sinks) and report it reachable or why not; nothing is read or written.")
    boolean connect;

    @Option(
            names = "--account",
            paramLabel = "NAME",
            defaultValue = ReportContext.DEFAULT_ACCOUNT,
            description =
                    "With --connect: the merchant account whose credentials call the Amazon APIs (payreports.accounts.NAME.*; default ${DEFAULT-VALUE}: the single-account keys).")
    String account;

    @Override
    public Integer call() {
        ConfigurationCheck.Outcome outcome = connect
                ? ConfigurationCheck.checkAndConnect(config, routes, account)
                : ConfigurationCheck.check(config, routes);
        outcome.connections().forEach(System.out::println);
        if (!CheckReport.print(outcome)) {
            return 2;
        }
        System.out.println("configuration and routes are valid");
        return 0;
    }

    /** How validate and run print a check: problems and warnings on stderr, one line each. */
    static final class CheckReport {
        private CheckReport() {}

        /** Prints the outcome and answers whether it lets a run start. */
        static boolean print(ConfigurationCheck.Outcome outcome) {
            outcome.problems().forEach(System.err::println);
            outcome.warnings().forEach(warning -> System.err.println("warning: " + warning));
            return outcome.valid();
        }
    }
}
