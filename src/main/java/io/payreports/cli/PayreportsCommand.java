package io.payreports.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Set;

/** {@code java -jar payreports.jar [command]}: {@code run} when no command is given (design.md §1). */
@Command(name = "payreports",
        mixinStandardHelpOptions = true,
        versionProvider = PayreportsCommand.Version.class,
        description = "Pulls payment reports out of Amazon and delivers typed records to files, databases and more.",
        subcommands = {RunCommand.class, SimulatorCommand.class, ApiCommand.class, ParseCommand.class, SchedulesCommand.class, ReplayCommand.class,
                ValidateCommand.class, CommandLine.HelpCommand.class})
public class PayreportsCommand implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and answers its exit code; {@code run} is implied when no command is named. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new PayreportsCommand());
        boolean commandNamed = args.length > 0 && (commandLine.getSubcommands().containsKey(args[0]) || TOP_LEVEL_OPTIONS.contains(args[0]));
        if (!commandNamed) {
            String[] withRun = new String[args.length + 1];
            withRun[0] = "run";
            System.arraycopy(args, 0, withRun, 1, args.length);
            args = withRun;
        }
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PayreportsCommand.class.getPackage().getImplementationVersion();
            return List.of("payreports " + (version == null ? "development build" : version)).toArray(String[]::new);
        }
    }
}
