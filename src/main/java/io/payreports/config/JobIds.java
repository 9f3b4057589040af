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
        if (jobId != null && VALID.matcher(jobId).matches() && !jobId.startsWith(".")) {
            return Optional.empty();
        }
        String shown = jobId == null
                ? "(none)"
                : "'" + printable(jobId.length() > MAX_LENGTH ? jobId.substring(0, MAX_LENGTH) + "..." : jobId) + "'";
        return Optional.of(
                "job id " + shown + " must be 1 to " + MAX_LENGTH + " of A-Z a-z 0-9 . _ - and not start with a dot");
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
