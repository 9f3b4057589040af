package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A Finances transaction (seed 002) as a typed record: the total as BigDecimal beside its currency,
 * postedDate as a UTC Instant plus the text Amazon sent, and the nested relatedIdentifiers, items,
 * contexts and breakdowns kept verbatim as JSON text. {@code json} is the whole original.
 */
public record Transaction(String transactionId, String transactionType, String transactionStatus, String description,
                          Instant postedDate, String postedDateRaw, BigDecimal totalAmount, String totalCurrency,
                          String marketplaceId, String marketplaceName, String sellingPartnerId, String accountType,
                          String relatedIdentifiers, String items, String contexts, String breakdowns, JsonNode json) {

    public static Transaction of(JsonNode node) {
        String postedRaw = text(node.path("postedDate"));
        JsonNode metadata = node.path("sellingPartnerMetadata");
        JsonNode marketplace = node.path("marketplaceDetails");
        String marketplaceId = text(marketplace.path("marketplaceId"));
        return new Transaction(
                text(node.path("transactionId")),
                text(node.path("transactionType")),
                text(node.path("transactionStatus")),
                text(node.path("description")),
                instant(postedRaw),
                postedRaw,
                amount(node.path("totalAmount")),
                text(node.path("totalAmount").path("currencyCode")),
                marketplaceId != null ? marketplaceId : text(metadata.path("marketplaceId")),
                text(marketplace.path("marketplaceName")),
                text(metadata.path("sellingPartnerId")),
                text(metadata.path("accountType")),
                SpApiJson.text(node.get("relatedIdentifiers")),
                SpApiJson.text(node.get("items")),
                SpApiJson.text(node.get("contexts")),
                SpApiJson.text(node.get("breakdowns")),
                node);
    }

    /** A Currency object's currencyAmount, exact. */
    static BigDecimal amount(JsonNode currency) {
        JsonNode amount = currency.path("currencyAmount");
        if (amount.isNumber()) {
            return amount.decimalValue();
        }
        // tolerate an amount sent as a string
        return amount.isTextual() && !amount.asText().isBlank() ? new BigDecimal(amount.asText().trim()) : null;
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
