package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A Finances transaction (Finances API v2024-06-19) as a typed record: the total as BigDecimal beside
 * its currency, postedDate as a UTC Instant plus the text Amazon sent, and the nested
 * relatedIdentifiers, items, contexts and breakdowns kept verbatim as JSON text. {@code json} is the
 * whole original.
 *
 * <p>transactionId is optional in the model, and the model's own sandbox transaction has none. Such a
 * transaction gets a surrogate key, {@value #SURROGATE_PREFIX} and the SHA-256 of its canonical JSON:
 * the same answer gives the same key on every read, so it is delivered once like any other (if
 * Amazon later changes such a transaction, the changed one is a new row: nothing else identifies it).
 */
public record Transaction(
        String transactionId,
        String transactionType,
        String transactionStatus,
        String description,
        Instant postedDate,
        String postedDateRaw,
        BigDecimal totalAmount,
        String totalCurrency,
        String marketplaceId,
        String marketplaceName,
        String sellingPartnerId,
        String accountType,
        String relatedIdentifiers,
        String items,
        String contexts,
        String breakdowns,
        JsonNode json) {

    public static final String SURROGATE_PREFIX = "sha256:";

    public static Transaction of(JsonNode node) {
        String postedRaw = text(node.path("postedDate"));
        JsonNode metadata = node.path("sellingPartnerMetadata");
        JsonNode marketplace = node.path("marketplaceDetails");
        String marketplaceId = text(marketplace.path("marketplaceId"));
        return new Transaction(
                idOrSurrogate(node),
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

    private static String idOrSurrogate(JsonNode node) {
        String id = text(node.path("transactionId"));
        return id != null && !id.isBlank() ? id : SURROGATE_PREFIX + SpApiJson.sha256(SpApiJson.canonical(node));
    }

    /** A Currency object's currencyAmount, exact. */
    static BigDecimal amount(JsonNode currency) {
        JsonNode amount = currency.path("currencyAmount");
        if (amount.isNumber()) {
            return amount.decimalValue();
        }
        // tolerate an amount sent as a string
        return amount.isTextual() && !amount.asText().isBlank()
                ? new BigDecimal(amount.asText().trim())
                : null;
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
