package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.config.RuntimeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar as a user starts it: its own JVM, a working directory, output merged. */
final class PayreportsJar {

    private static final Path JAR = Path.of("target", "payreports.jar").toAbsolutePath();

    private PayreportsJar() {}

    /** Starts the jar; its output goes to {@code log}. */
    static Process start(Path workDir, List<String> jvmOptions, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(RuntimeClock.ENV, RuntimeClock.get().instant().toString()); // the suite's calendar
        return builder.start();
    }

    /** Runs the jar to its end (at most 5 minutes); its output is kept under target/test-logs/ for ZeroSecretsInLogsIT. */
    static Result run(Path workDir, List<String> jvmOptions, String... args) throws Exception {
        Path log = java.nio.file.Files.createTempFile(
                java.nio.file.Files.createDirectories(Path.of("target", "test-logs")), "payreports-jar-", ".log");
        Process process = start(workDir, jvmOptions, log, args);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("payreports ended within 5 minutes")
                .isTrue();
        return new Result(process.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {}
}
