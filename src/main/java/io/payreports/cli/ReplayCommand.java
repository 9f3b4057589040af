package io.payreports.cli;

import io.payreports.config.ConfigException;
import io.payreports.config.PayreportsApplication;
import io.payreports.jobs.DeadLetterReplay;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Delivers the records a sink dead-lettered (out/dead-letter/<job>/<time>_<report>_<sink>.jsonl) to that sink",
            "again, once it is back. A replayed file is renamed to *.replayed; a failing one stays for the next try.",
            "A record no sink can store (a NUL character) is rejected to its own dead letter, the others are delivered.",
            "Reports that failed as a whole need no replay: they were not marked delivered, the next run takes them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file replayed",
            "1:some records could not be delivered again, or were rejected",
            "2:bad usage or configuration"
        })
public class ReplayCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with the sinks (default: config/application.properties when present).")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Sink dead-letter files (*.jsonl).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        try (PayreportsApplication application = PayreportsApplication.createDeliveryOnly(config)) {
            application.startDelivery();
            int failed = 0;
            for (Path file : files) {
                failed += replay(application, file) ? 0 : 1;
            }
            return failed == 0 ? 0 : 1;
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (NoSuchFileException e) {
            System.err.println("replay: cannot read " + e.getFile() + ": file not found");
            return 2;
        }
    }

    private static boolean replay(PayreportsApplication application, Path file) throws Exception {
        DeadLetterReplay.Outcome outcome =
                new DeadLetterReplay(application.context(), application.jobRuns()).replay(file);
        if (outcome.delivered()) {
            System.out.println(file + ": " + outcome.detail());
        } else {
            System.err.println("replay: " + file + ": " + outcome.detail());
        }
        return outcome.delivered();
    }
}
