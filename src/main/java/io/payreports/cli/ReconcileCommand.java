package io.payreports.cli;

import io.payreports.config.ConfigException;
import io.payreports.config.JobIds;
import io.payreports.config.PayreportsApplication;
import io.payreports.reconciliation.Check;
import io.payreports.reconciliation.Item;
import io.payreports.reconciliation.Reason;
import io.payreports.reconciliation.ReconciliationJob;
import io.payreports.reconciliation.ReconciliationResult;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "Reconciles what the jdbc sink stored for the days --from to --to (both inclusive, UTC): settlements",
            "close, their payouts arrived, captures and refunds are settled. Writes the run to reconciliation_run",
            "and reconciliation_item, and a Markdown and a CSV report under <output-dir>/reconciliation/."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything balances within the tolerances",
            "1:differences beyond the tolerances (listed, and in the report)",
            "2:bad usage, configuration, or the records database could not be read"
        })
public class ReconcileCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file (default: config/application.properties when present).")
    Path config;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (yyyy-MM-dd, UTC).")
    LocalDate from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DATE",
            description = "Last day (yyyy-MM-dd, UTC), inclusive.")
    LocalDate to;

    @Option(
            names = "--account",
            paramLabel = "NAME",
            defaultValue = ReportContext.DEFAULT_ACCOUNT,
            description = "Account the run and its metrics are filed under (default ${DEFAULT-VALUE}).")
    String account;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            System.err.println("reconcile: --to " + to + " is before --from " + from);
            return 2;
        }
        Optional<String> accountProblem = JobIds.nameProblem("--account", account);
        if (accountProblem.isPresent()) {
            System.err.println("reconcile: " + accountProblem.get());
            return 2;
        }
        try (PayreportsApplication application = PayreportsApplication.createDeliveryOnly(config)) {
            application.start();
            ReconciliationJob job =
                    application.context().getRegistry().lookupByNameAndType("reconciliation", ReconciliationJob.class);
            if (job == null) {
                System.err.println("reconcile: no records database: the jdbc sink is not configured");
                return 2;
            }
            ReconciliationJob.Outcome outcome = job.reconcile(account, from, to);
            print(System.out, outcome);
            return outcome.result().balanced() ? 0 : 1;
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (SQLException e) {
            System.err.println("reconcile: cannot read or write the records database: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("reconcile: cannot write the report: " + e.getMessage());
            return 2;
        }
    }

    static void print(PrintStream out, ReconciliationJob.Outcome outcome) {
        ReconciliationResult result = outcome.result();
        out.println(
                "payreports reconciliation " + result.from() + " to " + result.to() + ", account " + result.account());
        out.println(String.format("%-20s %8s %10s %8s", "CHECK", "MATCHED", "UNMATCHED", "PENDING"));
        for (Check check : Check.values()) {
            out.println(String.format(
                    "%-20s %8d %10d %8d",
                    check.name().toLowerCase(Locale.ROOT),
                    result.count(check, Reason.Status.MATCHED),
                    result.count(check, Reason.Status.UNMATCHED),
                    result.count(check, Reason.Status.PENDING)));
        }
        for (Item item : result.unmatched()) {
            out.println(item.reason() + " " + item.check().name().toLowerCase(Locale.ROOT) + " " + item.reference()
                    + " " + item.currency() + " difference "
                    + (item.difference() == null ? "-" : item.difference().toPlainString()) + ": "
                    + item.reason().meaning() + " (" + item.detail() + ")");
        }
        out.println(
                result.balanced()
                        ? "balanced: every settlement closes and every payout arrived"
                        : result.unmatched().size() + " difference(s)");
        out.println("report: " + outcome.report());
    }
}
