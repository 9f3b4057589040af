package io.payreports.reports;

/**
 * Text every sink can store. PostgreSQL refuses a NUL character (U+0000) in text ("invalid byte
 * sequence for encoding UTF8: 0x00") and would refuse the whole report with it; files and Kafka would
 * take it. A row with one is rejected while the report is read, for every sink alike, and goes to the
 * dead letters with its line and raw text, so that the sinks keep the same rows and the report's other
 * rows are delivered (docs/sinks.md).
 */
final class StorableText {

    private StorableText() {}

    static boolean refused(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The row's reason; its first words name the file it is dead-lettered in. */
    static String reason(String column) {
        return "NUL character in " + column
                + ": U+0000 cannot be stored in PostgreSQL text, so the row is rejected for every sink";
    }
}
