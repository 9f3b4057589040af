package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One listTransactions answer: its transactions and, when there are more, the token of the next page. */
public record TransactionsPage(List<Transaction> transactions, String nextToken) {

    /**
     * The Finances API v2024-06-19 model wraps the page in {@code payload}; the older Finances reference
     * page shows it at the top level. Both are read. An answer with a {@code transactions} array in
     * neither place is not a page of zero transactions: it fails, so the window is retried and its
     * watermark stays where it was.
     */
    static TransactionsPage of(JsonNode answer) {
        JsonNode page = answer.path("payload").isObject() ? answer.get("payload") : answer;
        JsonNode array = page.path("transactions");
        if (!array.isArray()) {
            throw new UnrecognisedAnswerException(
                    SpApiOperation.listTransactions,
                    "no 'transactions' array, neither in 'payload' nor at the top level",
                    answer);
        }
        List<Transaction> transactions = new ArrayList<>();
        array.forEach(node -> transactions.add(Transaction.of(node)));
        String token = page.path("nextToken").asText("");
        // the model: "call this operation until nextToken is null"; an empty one ends the pages too
        return new TransactionsPage(transactions, token.isBlank() ? null : token);
    }

    public boolean hasNext() {
        return nextToken != null;
    }
}
