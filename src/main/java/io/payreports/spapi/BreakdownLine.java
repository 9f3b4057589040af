package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a transaction's breakdown tree, flattened so that a finance team can sum amounts in
 * SQL: {@code SUM(amount) WHERE leaf = 'true'} per transaction equals what Amazon itemised. Lines are
 * numbered depth-first; {@code path} names the node and its parents ({@code Expenses/Commission}).
 * Only the transaction-level tree is flattened: item-level breakdowns detail the same money and
 * stay in the transaction's {@code items} column.
 */
public record BreakdownLine(
        String transactionId,
        long lineNumber,
        String path,
        String breakdownType,
        long depth,
        String leaf,
        BigDecimal amount,
        String currencyCode,
        Instant postedDate,
        String transactionType,
        String marketplaceId) {

    public static List<BreakdownLine> of(Transaction transaction) {
        List<BreakdownLine> lines = new ArrayList<>();
        walk(transaction, transaction.json().path("breakdowns"), "", 0, lines);
        return lines;
    }

    /** The model types breakdowns as a list; its reference page typed a nested one as a single Breakdown: take both. */
    private static Iterable<JsonNode> nodes(JsonNode breakdowns) {
        return breakdowns.isArray() ? breakdowns : breakdowns.isObject() ? List.of(breakdowns) : List.of();
    }

    private static boolean hasNodes(JsonNode breakdowns) {
        for (JsonNode node : nodes(breakdowns)) {
            if (node.has("breakdownType") || !node.has("breakdowns") || hasNodes(node.get("breakdowns"))) {
                return true;
            }
        }
        return false;
    }

    private static void walk(
            Transaction transaction, JsonNode breakdowns, String parentPath, int depth, List<BreakdownLine> lines) {
        for (JsonNode node : nodes(breakdowns)) {
            if (!node.has("breakdownType") && node.has("breakdowns")) {
                // the Finances model's Transaction example wraps the list in an object of its own: not a node
                walk(transaction, node.get("breakdowns"), parentPath, depth, lines);
                continue;
            }
            String type = Transaction.text(node.path("breakdownType"));
            String path = parentPath.isEmpty() ? String.valueOf(type) : parentPath + "/" + type;
            JsonNode children = node.path("breakdowns");
            boolean leaf = !hasNodes(children);
            lines.add(new BreakdownLine(
                    transaction.transactionId(),
                    lines.size() + 1L,
                    path,
                    type,
                    depth,
                    String.valueOf(leaf),
                    Transaction.amount(node.path("breakdownAmount")),
                    Transaction.text(node.path("breakdownAmount").path("currencyCode")),
                    transaction.postedDate(),
                    transaction.transactionType(),
                    transaction.marketplaceId()));
            walk(transaction, children, path, depth + 1, lines);
        }
    }
}
