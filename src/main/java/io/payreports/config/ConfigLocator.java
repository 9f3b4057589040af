package io.payreports.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the file and line where a key is set, so that problems read {@code FILE:LINE: key: message}:
 * the operator's file when it sets the key, else the built-in defaults (whose values mostly come
 * from the PAYREPORTS_* environment variables).
 */
public final class ConfigLocator implements PayreportsSettings.KeyLocator {

    static final String DEFAULTS = "application.properties";

    private final Optional<Path> operatorFile;
    private final List<String> operatorLines;
    private final List<String> defaultLines;

    public ConfigLocator(Optional<Path> operatorFile) {
        this.operatorFile = operatorFile;
        this.operatorLines = operatorFile.map(ConfigLocator::readLines).orElse(List.of());
        this.defaultLines = readDefaults();
    }

    @Override
    public ConfigProblem problem(String key, String message) {
        int line = lineOf(operatorLines, key);
        if (line > 0) {
            return new ConfigProblem(operatorFile.orElseThrow().toString(), line, key, message);
        }
        int defaultLine = lineOf(defaultLines, key);
        if (defaultLine == 0) {
            // a key set nowhere (a required sink option, say) belongs where its group is, e.g. payreports.sinks.wh.type
            for (String group = parentOf(key); group != null; group = parentOf(group)) {
                int groupLine = lineOf(operatorLines, group + ".");
                if (groupLine > 0) {
                    return new ConfigProblem(operatorFile.orElseThrow().toString(), groupLine, key, message);
                }
            }
        }
        return new ConfigProblem("classpath:" + DEFAULTS, defaultLine, key, message);
    }

    /** {@code payreports.sinks.wh} for {@code payreports.sinks.wh.url}; null above {@code payreports.x}. */
    private static String parentOf(String key) {
        int dot = key.lastIndexOf('.');
        return dot <= "payreports.".length() ? null : key.substring(0, dot);
    }

    private static int lineOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean group = key.endsWith(".");
            if (line.startsWith(key)
                    && (group || line.substring(key.length()).stripLeading().matches("^[=:].*"))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> readDefaults() {
        try (InputStream in = ConfigLocator.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            return in == null
                    ? List.of()
                    : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                            .lines()
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
