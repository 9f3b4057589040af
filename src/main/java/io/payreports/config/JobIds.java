package io.payreports.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a job id may be. It names the job's watermark row, delivered-reports keys, Quartz trigger,
 * output folders and log lines, and is pasted into the route's expressions: letters, digits, dot,
 * underscore and hyphen only (a quote would break the route; a slash would change folders), at most
 * {@value #MAX_LENGTH} characters. Checked by {@code validate} and at the start of {@code run} alike.
 */
public final class JobIds {

    public static final int MAX_LENGTH = 100;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private JobIds() {}

    /** Why the id is not valid, or empty. */
    public static Optional<String> problem(String jobId) {
        return nameProblem("job id", jobId);
    }

    /**
     * Why {@code name} cannot be a name of its kind ({@code what}: job id, account name), or empty. An account name
     * follows the job id's rules: it is part of the state keys ({@code account/jobId}), folders and log lines too.
     */
    public static Optional<String> nameProblem(String what, String name) {
        if (name != null && VALID.matcher(name).matches() && !name.startsWith(".")) {
            return Optional.empty();
        }
        String shown = name == null
                ? "(none)"
                : "'" + printable(name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) + "..." : name) + "'";
        return Optional.of(
                what + " " + shown + " must be 1 to " + MAX_LENGTH + " of A-Z a-z 0-9 . _ - and not start with a dot");
    }

    /** Control characters as \\uXXXX, so the message stays one line. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints()
                .forEach(c ->
                        shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return shown.toString();
    }
}
