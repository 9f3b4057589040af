package io.payreports.sinks;

import java.util.regex.Pattern;

/**
 * Names that end up in SQL text. Identifiers are always quoted, so that a column called
 * {@code type} or {@code date} works on every database and H2 keeps names lower case as
 * PostgreSQL does. They come from record layouts (code, not input) but are checked anyway, so a
 * bad name fails with a clear message instead of odd SQL.
 */
public final class SqlIdentifiers {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SqlIdentifiers() {
    }

    /** {@code settlementId} → {@code settlement_id}, {@code orderID} → {@code order_id}. */
    public static String snakeCase(String camelCase) {
        return camelCase
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** A lower-case name in double quotes; rejects anything but letters, digits and underscores. */
    public static String quoted(String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "not a plain SQL name (lower-case letters, digits, _; at most 63): " + name);
        }
        return '"' + name + '"';
    }
}
