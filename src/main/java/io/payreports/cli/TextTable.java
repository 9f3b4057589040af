package io.payreports.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table the commands print, laid out like a {@link String#format} pattern of {@code %s} cells ({@code %-28s}
 * left-aligned, {@code %8s} right-aligned, {@code %s} as it comes), but with each column as wide as its widest cell
 * when that is wider than the pattern says: a long job name such as {@code eu/amazonpay-disbursements-eu} moves the
 * columns after it right on every line instead of only on its own.
 */
final class TextTable {

    private static final Pattern CELL = Pattern.compile("%(-?)(\\d*)s");

    /** The text before each cell, and after the last one. */
    private final List<String> between = new ArrayList<>();

    private final List<Column> columns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** A cell's place in the pattern: its least width, none for a column printed as it comes. */
    private record Column(boolean leftAligned, Integer width) {}

    TextTable(String pattern) {
        Matcher cell = CELL.matcher(pattern);
        int end = 0;
        while (cell.find()) {
            between.add(pattern.substring(end, cell.start()));
            columns.add(new Column(
                    !cell.group(1).isEmpty(), cell.group(2).isEmpty() ? null : Integer.valueOf(cell.group(2))));
            end = cell.end();
        }
        between.add(pattern.substring(end));
    }

    /** Adds a row (the header is the first): one cell a column of the pattern. */
    TextTable row(String... cells) {
        return row(Arrays.asList(cells));
    }

    TextTable row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    void print(PrintStream out) {
        lines().forEach(out::println);
    }

    List<String> lines() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            Integer least = columns.get(c).width();
            int column = c;
            widths[c] = least == null
                    ? 0
                    : Math.max(
                            least,
                            rows.stream()
                                    .mapToInt(row -> row.get(column).length())
                                    .max()
                                    .orElse(0));
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(between.get(c))
                        .append(pad(row.get(c), widths[c], columns.get(c).leftAligned()));
            }
            lines.add(line.append(between.get(widths.length)).toString());
        }
        return lines;
    }

    private static String pad(String cell, int width, boolean leftAligned) {
        String blanks = " ".repeat(Math.max(0, width - cell.length()));
        return leftAligned ? cell + blanks : blanks + cell;
    }
}
