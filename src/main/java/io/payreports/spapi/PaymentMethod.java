package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One PIDetails of seed 004: a payout method. The account holder name stays as Amazon encrypted it;
 * {@code tail} is the last three or four digits only. Expiry is set for cards and null otherwise.
 */
public record PaymentMethod(String paymentInstrumentId, String paymentInstrumentType, String tail, String expiryMonth, String expiryYear,
                            String countryCode, String defaultMarketplaces, String encryptedAccountHolderName) {

    static PaymentMethod of(JsonNode node) {
        JsonNode defaults = node.path("defaultMarketplaces");
        return new PaymentMethod(
                Transaction.text(node.path("paymentInstrumentId")),
                Transaction.text(node.path("paymentInstrumentType")),
                Transaction.text(node.path("tail")),
                Transaction.text(node.path("expiryDate").path("month")),
                Transaction.text(node.path("expiryDate").path("year")),
                Transaction.text(node.path("countryCode")),
                defaults.isArray() ? String.join(",", SpApiJson.MAPPER.convertValue(defaults, String[].class)) : null,
                Transaction.text(node.path("encryptedAccountHolderName")));
    }
}
