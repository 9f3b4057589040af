package io.payreports.reports;

/**
 * One row of a report file after parsing: either a bound record or a failure that keeps the row's
 * text, so a bad row can be dead-lettered with its cause and position while the others flow on.
 *
 * @param <T> the record type
 */
public sealed interface ParsedRow<T> {

    /** 1-based physical line of the file where the row starts. */
    long lineNumber();

    record Bound<T>(long lineNumber, T record) implements ParsedRow<T> {}

    /**
     * @param reason  one line naming the column where there is one, e.g. {@code TransactionAmount: not a number: '12,34,5'}
     * @param rawLine the row's fields re-encoded as a CSV line, every field quoted as Amazon writes them
     */
    record Failed<T>(long lineNumber, String reason, String rawLine) implements ParsedRow<T> {

        /** The form the {@code parse} command and dead letters use: {@code line 17: <reason>}. */
        public String message() {
            return "line " + lineNumber + ": " + reason;
        }
    }
}
