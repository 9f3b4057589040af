package io.payreports.reports;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a report writes its amounts. Amazon documents {@code 1,000.00} (Amazon Pay settlement report guide), but files from
 * decimal-comma marketplaces carry {@code 1.141,18} and {@code -32,40}. The reader turns every amount
 * into the plain form {@code BigDecimal} reads ({@code -1141.18}) before binding, so the written scale
 * survives and nothing goes through {@code double}.
 */
public enum AmountNotation {

    /** {@code 1,000.00}: comma groups, point decimals. */
    DECIMAL_POINT,
    /** {@code 1.000,00}: point groups, comma decimals. */
    DECIMAL_COMMA,
    /**
     * Decides per value. Only a value that is valid in both notations is ambiguous, {@code 1,000} or
     * {@code 1.000}; it is read as Amazon documents it (decimal point). Jobs whose files use decimal commas
     * should say so, so that {@code 1,000} is one, not a thousand.
     */
    AUTO;

    private static final Pattern POINT = Pattern.compile("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final Pattern COMMA = Pattern.compile("(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?");

    /**
     * The amount as {@code BigDecimal} text: optional minus, digits, optional point and decimals.
     *
     * @throws IllegalArgumentException naming the text when it is not an amount in this notation
     */
    public String plain(String text) {
        String trimmed = text.trim();
        if (isPlain(trimmed, this == DECIMAL_COMMA ? 0 : 1)) {
            return trimmed; // the common case, without regular expressions: "-32.40", "0", "1000"
        }
        String ungrouped = this == DECIMAL_COMMA ? null : withoutPointGrouping(trimmed);
        if (ungrouped != null) {
            return ungrouped; // the next most common, also without: "1,234.56", "-12,000"
        }
        String sign = "";
        String digits = trimmed;
        if (!digits.isEmpty() && (digits.charAt(0) == '-' || digits.charAt(0) == '+')) {
            sign = digits.charAt(0) == '-' ? "-" : "";
            digits = digits.substring(1);
        }
        if (this != DECIMAL_COMMA && POINT.matcher(digits).matches()) {
            return sign + digits.replace(",", "");
        }
        if (this != DECIMAL_POINT && COMMA.matcher(digits).matches()) {
            return sign + digits.replace(".", "").replace(',', '.');
        }
        throw new IllegalArgumentException("not a number: '" + text + "'");
    }

    /** Optional minus, digits, at most {@code maxPoints} points with digits on both sides. */
    static boolean isPlain(String text, int maxPoints) {
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int points = 0;
        int digitsSincePoint = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digitsSincePoint++;
            } else if (c == '.' && digitsSincePoint > 0 && ++points <= maxPoints) {
                digitsSincePoint = 0;
            } else {
                return false;
            }
        }
        return digitsSincePoint > 0;
    }

    /**
     * {@code -1,234.56} → {@code -1234.56}: optional minus, one to three digits, comma groups of three, optional
     * point and decimals, as {@link #POINT} takes them; null for anything else, which the patterns then judge.
     */
    private static String withoutPointGrouping(String text) {
        int at = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int leading = digitsFrom(text, at);
        if (leading < 1 || leading > 3) {
            return null;
        }
        at += leading;
        int groups = 0;
        while (at < text.length() && text.charAt(at) == ',' && digitsFrom(text, at + 1) == 3) {
            at += 4;
            groups++;
        }
        if (groups == 0) {
            return null;
        }
        if (at < text.length()
                && (text.charAt(at) != '.'
                        || at + 1 + digitsFrom(text, at + 1) != text.length()
                        || at + 1 == text.length())) {
            return null;
        }
        return text.replace(",", "");
    }

    /** How many ASCII digits follow {@code from}. */
    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Parses the job setting: {@code auto}, {@code decimal-point} or {@code decimal-comma}. */
    public static AmountNotation of(String setting) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> AUTO;
            case "decimal-point", "point" -> DECIMAL_POINT;
            case "decimal-comma", "comma" -> DECIMAL_COMMA;
            default ->
                throw new IllegalArgumentException(
                        "amount notation must be auto, decimal-point or decimal-comma, not '" + setting + "'");
        };
    }
}
