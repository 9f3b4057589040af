package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One listTransactions answer: its transactions and, when there are more, the token of the next page. */
public record TransactionsPage(List<Transaction> transactions, String nextToken) {

    static TransactionsPage of(JsonNode answer) {
        List<Transaction> transactions = new ArrayList<>();
        answer.path("transactions").forEach(node -> transactions.add(Transaction.of(node)));
        String token = answer.path("nextToken").asText("");
        // seed 002: "When present and not empty, pass this string token in the next request"
        return new TransactionsPage(transactions, token.isBlank() ? null : token);
    }

    public boolean hasNext() {
        return nextToken != null;
    }
}
