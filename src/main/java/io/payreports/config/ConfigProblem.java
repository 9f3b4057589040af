package io.payreports.config;

/** A configuration problem, printed as {@code FILE:LINE: key: message} (design.md §1). */
public record ConfigProblem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        return (file == null ? "<environment>" : file) + ":" + Math.max(line, 0) + ": " + key + ": " + message;
    }
}
