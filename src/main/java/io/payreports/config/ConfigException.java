package io.payreports.config;

import java.util.List;

/** One or more configuration problems, each naming the key (and file and line when known). */
public class ConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream()
                .map(ConfigProblem::toString)
                .reduce((a, b) -> a + System.lineSeparator() + b)
                .orElse("invalid configuration"));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
