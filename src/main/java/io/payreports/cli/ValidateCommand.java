package io.payreports.cli;

import io.payreports.config.ConfigException;
import io.payreports.config.ConfigFiles;
import io.payreports.config.ConfigProblem;
import io.payreports.config.JobFileValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the configuration and the job routes without starting any job.",
                "Each problem is printed as FILE:LINE: key: message."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:configuration and routes are valid", "2:problems were found (printed on stderr)"})
public class ValidateCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file to check (default: config/application.properties when present).")
    Path config;

    @Override
    public Integer call() {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> operatorConfig = Optional.empty();
        try {
            operatorConfig = ConfigFiles.operatorConfig(config);
            ConfigFiles.readSettings(operatorConfig);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (problems.isEmpty()) {
            try {
                ConfigFiles.readSpApiSettings(operatorConfig);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(new JobFileValidator(operatorConfig).validate());
        }
        problems.forEach(problem -> System.err.println(problem));
        if (problems.isEmpty()) {
            System.out.println("configuration and routes are valid");
            return 0;
        }
        return 2;
    }
}
