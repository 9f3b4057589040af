package io.payreports.spapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GetPaymentMethodsRequest of seed 004: every field optional; {@code paymentMethodFilter} holds
 * paymentInstrumentId, subscribedMarketplaces, assignmentFilter.assignmentTypes (only DEFAULT) and
 * paymentInstrumentTypes (BANK_ACCOUNT, CARD, SELLER_WALLET). Empty values are left out of the body.
 */
public record PaymentMethodsRequest(String owningCustomerId, String marketplaceId, String requestId, String paymentInstrumentId,
                                    List<String> subscribedMarketplaces, List<String> assignmentTypes, List<String> paymentInstrumentTypes) {

    public static final Set<String> ASSIGNMENT_TYPES = Set.of("DEFAULT");
    public static final Set<String> PAYMENT_INSTRUMENT_TYPES = Set.of("BANK_ACCOUNT", "CARD", "SELLER_WALLET");

    public PaymentMethodsRequest {
        subscribedMarketplaces = clean(subscribedMarketplaces);
        assignmentTypes = clean(assignmentTypes);
        paymentInstrumentTypes = clean(paymentInstrumentTypes);
        for (String type : assignmentTypes) {
            if (!ASSIGNMENT_TYPES.contains(type)) {
                throw new IllegalArgumentException("assignment type must be DEFAULT (seed 004), not '" + type + "'");
            }
        }
        for (String type : paymentInstrumentTypes) {
            if (!PAYMENT_INSTRUMENT_TYPES.contains(type)) {
                throw new IllegalArgumentException("payment instrument type must be one of " + PAYMENT_INSTRUMENT_TYPES + ", not '" + type + "'");
            }
        }
    }

    /** The request body as seed 004 shapes it. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        putText(body, "owningCustomerId", owningCustomerId);
        putText(body, "marketplaceId", marketplaceId);
        putText(body, "requestId", requestId);
        Map<String, Object> filter = new LinkedHashMap<>();
        putText(filter, "paymentInstrumentId", paymentInstrumentId);
        if (!subscribedMarketplaces.isEmpty()) {
            filter.put("subscribedMarketplaces", subscribedMarketplaces);
        }
        if (!assignmentTypes.isEmpty()) {
            filter.put("assignmentFilter", Map.of("assignmentTypes", assignmentTypes));
        }
        if (!paymentInstrumentTypes.isEmpty()) {
            filter.put("paymentInstrumentTypes", paymentInstrumentTypes);
        }
        if (!filter.isEmpty()) {
            body.put("paymentMethodFilter", filter);
        }
        return body;
    }

    /** Splits a comma-separated template parameter; blank gives an empty list. */
    public static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : clean(List.of(commaSeparated.split(",")));
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    private static void putText(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.trim());
        }
    }
}
