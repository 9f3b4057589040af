package io.payreports.cli;

import io.payreports.config.ConfigKeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar payreports.jar [command]}: {@code run} when no command is given (design.md §1). */
@Command(
        name = "payreports",
        mixinStandardHelpOptions = true,
        versionProvider = PayreportsCommand.Version.class,
        description = "Pulls payment reports out of Amazon and delivers typed records to files, databases and more.",
        subcommands = {
            RunCommand.class,
            SimulatorCommand.class,
            ApiCommand.class,
            ParseCommand.class,
            SchedulesCommand.class,
            ReplayCommand.class,
            StatusCommand.class,
            ValidateCommand.class,
            ReconcileCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public class PayreportsCommand implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and answers its exit code; {@code run} is implied when the first argument is
     * an option, and a first word that is no command is answered with the nearest one.
     */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new PayreportsCommand());
        // shown in the command list: shells only complete what the user can find
        commandLine
                .getSubcommands()
                .get("generate-completion")
                .getCommandSpec()
                .usageMessage()
                .hidden(false);
        Set<String> commands = commandLine.getSubcommands().keySet();
        if (args.length > 0 && !args[0].startsWith("-") && !commands.contains(args[0])) {
            System.err.println("payreports: unknown command '" + args[0] + "'"
                    + ConfigKeys.didYouMean(args[0], commands)
                            .map(command -> ", did you mean " + command + "?")
                            .orElse("")
                    + " (commands: " + String.join(", ", commands) + ")");
            return 2;
        }
        boolean commandNamed = args.length > 0 && (commands.contains(args[0]) || TOP_LEVEL_OPTIONS.contains(args[0]));
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

    /** Project version and git commit (written into the jar by the build), Camel and Java versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = PayreportsCommand.class.getResourceAsStream("/payreports-version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            String commit = filled(build.getProperty("commit"))
                    + ("true".equals(build.getProperty("dirty")) ? " (modified)" : "");
            return new String[] {
                "payreports " + filled(build.getProperty("version")) + ", commit " + commit,
                "Apache Camel " + new DefaultCamelContext(false).getVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }

        /** A value the build filled in; outside a git checkout (or an IDE build) the placeholder stays. */
        private static String filled(String value) {
            return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
        }
    }
}
