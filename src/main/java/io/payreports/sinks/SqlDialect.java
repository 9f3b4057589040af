package io.payreports.sinks;

import io.payreports.reports.RecordLayout.ColumnType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL that differs between the databases we support. Upserts have no common syntax, and
 * neither does a decimal type that stores any value exactly.
 */
public enum SqlDialect {

    /** Unconstrained NUMERIC keeps every digit and the scale as written (1000.00 stays 1000.00). */
    POSTGRESQL("NUMERIC", "TEXT", false) {
        @Override
        public String upsert(String table, List<String> columns, List<String> key) {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns)
                    + ") " + onConflictUpdate(columns, key);
        }
    },

    /**
     * H2's NUMERIC without a scale means scale 0, and a fixed scale would round rates with more
     * digits; DECFLOAT keeps the exact value (it may normalise the scale: 1000.00 reads back as
     * a BigDecimal equal by compareTo, not by equals).
     */
    H2("DECFLOAT", "CHARACTER VARYING", true) {
        @Override
        public String upsert(String table, List<String> columns, List<String> key) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                    + ") VALUES (" + placeholders(columns) + ")";
        }
    };

    private final String decimalType;
    private final String textType;
    private final boolean foldsToUpperCase;

    SqlDialect(String decimalType, String textType, boolean foldsToUpperCase) {
        this.decimalType = decimalType;
        this.textType = textType;
        this.foldsToUpperCase = foldsToUpperCase;
    }

    /** Picks the dialect from the database product name; any other database is a configuration error. */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "PostgreSQL" -> POSTGRESQL;
            case "H2" -> H2;
            default ->
                throw new IllegalStateException(
                        "unsupported database '" + product + "': payreports writes to PostgreSQL and H2 only");
        };
    }

    /**
     * Quotes a plain lower-case name, in the case the database folds unquoted names to: a column
     * called {@code type} or {@code value} then works although it is a keyword somewhere, and
     * people can still query the table without quotes.
     */
    public String quote(String name) {
        String plain = SqlIdentifiers.plain(name);
        return '"' + (foldsToUpperCase ? plain.toUpperCase(Locale.ROOT) : plain) + '"';
    }

    /** Insert, or update the non-key columns of the row with the same key. Names must be quoted already. */
    public abstract String upsert(String table, List<String> columns, List<String> key);

    /** PostgreSQL's upsert clause: the other columns take the new values. */
    static String onConflictUpdate(List<String> columns, List<String> key) {
        List<String> others = columns.stream().filter(c -> !key.contains(c)).toList();
        return "ON CONFLICT (" + String.join(", ", key) + ") "
                + (others.isEmpty()
                        ? "DO NOTHING"
                        : "DO UPDATE SET "
                                + others.stream()
                                        .map(c -> c + " = EXCLUDED." + c)
                                        .collect(Collectors.joining(", ")));
    }

    /**
     * Timestamps are TIMESTAMP WITH TIME ZONE, stored as UTC instants at microsecond precision on
     * both databases (Amazon's report times are whole seconds).
     */
    public String columnType(ColumnType type) {
        return switch (type) {
            case TEXT -> textType;
            case DECIMAL -> decimalType;
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case BIGINT -> "BIGINT";
        };
    }

    private static String placeholders(List<String> columns) {
        return String.join(", ", Collections.nCopies(columns.size(), "?"));
    }
}
