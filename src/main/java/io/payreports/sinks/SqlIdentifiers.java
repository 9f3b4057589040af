package io.payreports.sinks;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names from record layouts that end up in SQL text. They are code, not input, but are checked
 * anyway, so that a bad name fails with a clear message instead of odd SQL.
 */
final class SqlIdentifiers {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SqlIdentifiers() {}

    /** {@code settlementId} → {@code settlement_id}, {@code orderID} → {@code order_id}. */
    static String snakeCase(String camelCase) {
        return camelCase
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /** Rejects anything but lower-case letters, digits and underscores. */
    static String plain(String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "not a plain SQL name (lower-case letters, digits, _; at most 63): " + name);
        }
        return name;
    }
}
