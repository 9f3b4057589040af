package io.payreports.spapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of getPaymentMethods as the Transfers API v2024-06-01 model has it: a required
 * marketplaceId and optional paymentMethodTypes (BANK_ACCOUNT, CARD, SELLER_WALLET), sent as one
 * comma-separated parameter (the model's {@code collectionFormat: csv}).
 */
public record PaymentMethodsQuery(String marketplaceId, List<String> paymentMethodTypes) {

    public static final Set<String> PAYMENT_METHOD_TYPES = Set.of("BANK_ACCOUNT", "CARD", "SELLER_WALLET");

    public PaymentMethodsQuery {
        if (marketplaceId == null || marketplaceId.isBlank()) {
            throw new IllegalArgumentException(
                    "getPaymentMethods needs a marketplaceId (the Transfers API model requires it)");
        }
        marketplaceId = marketplaceId.trim();
        paymentMethodTypes = paymentMethodTypes == null
                ? List.of()
                : paymentMethodTypes.stream()
                        .map(String::trim)
                        .filter(type -> !type.isEmpty())
                        .distinct()
                        .toList();
        for (String type : paymentMethodTypes) {
            if (!PAYMENT_METHOD_TYPES.contains(type)) {
                throw new IllegalArgumentException(
                        "payment method type must be one of " + PAYMENT_METHOD_TYPES + ", not '" + type + "'");
            }
        }
    }

    /** From a template parameter: comma-separated types, blank for all. */
    public static PaymentMethodsQuery of(String marketplaceId, String commaSeparatedTypes) {
        return new PaymentMethodsQuery(
                marketplaceId, commaSeparatedTypes == null ? List.of() : List.of(commaSeparatedTypes.split(",")));
    }

    public Map<String, String> parameters() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("marketplaceId", marketplaceId);
        if (!paymentMethodTypes.isEmpty()) {
            query.put("paymentMethodTypes", String.join(",", paymentMethodTypes));
        }
        return query;
    }
}
