package io.payreports.sinks;

import java.time.Instant;

/**
 * ISO-8601 text of the timestamps of one layout's columns, remembering the last text per column: a report's
 * settlement start and end are the same in every one of its rows, so they are rendered once per report
 * instead of once per row. Not thread-safe: one per encoder.
 */
final class TimestampText {

    private final Instant[] last;
    private final String[] text;

    TimestampText(int columns) {
        this.last = new Instant[columns];
        this.text = new String[columns];
    }

    String of(int column, Instant instant) {
        if (!instant.equals(last[column])) {
            last[column] = instant;
            text[column] = instant.toString();
        }
        return text[column];
    }
}
