package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One payout method, a PaymentMethodDetails of the Transfers API v2024-06-01 model. {@code tail} is
 * the last three or four digits only; expiry is set for cards and null otherwise. The record keeps
 * the names of the columns it had when the older reference page called these "payment instruments"
 * (paymentInstrumentId, paymentInstrumentType), so existing tables and queries keep working.
 * {@code defaultMarketplaces} is the asked marketplace when Amazon marks the method as its
 * DEFAULT_DEPOSIT_METHOD; {@code encryptedAccountHolderName} is only filled by an answer in the
 * reference page's older shape, which is read too.
 */
public record PaymentMethod(
        String paymentInstrumentId,
        String paymentInstrumentType,
        String tail,
        String expiryMonth,
        String expiryYear,
        String countryCode,
        String defaultMarketplaces,
        String encryptedAccountHolderName,
        String accountHolderName,
        String assignmentType) {

    static final String DEFAULT_DEPOSIT_METHOD = "DEFAULT_DEPOSIT_METHOD";

    static PaymentMethod of(JsonNode node, String marketplaceId) {
        String assignment = Transaction.text(node.path("assignmentType"));
        JsonNode olderDefaults = node.path("defaultMarketplaces");
        String defaults = olderDefaults.isArray()
                ? String.join(",", SpApiJson.MAPPER.convertValue(olderDefaults, String[].class))
                : DEFAULT_DEPOSIT_METHOD.equals(assignment) ? marketplaceId : null;
        return new PaymentMethod(
                firstText(node, "paymentMethodId", "paymentInstrumentId"),
                firstText(node, "paymentMethodType", "paymentInstrumentType"),
                Transaction.text(node.path("tail")),
                Transaction.text(node.path("expiryDate").path("month")),
                Transaction.text(node.path("expiryDate").path("year")),
                Transaction.text(node.path("countryCode")),
                defaults,
                Transaction.text(node.path("encryptedAccountHolderName")),
                Transaction.text(node.path("accountHolderName")),
                assignment);
    }

    private static String firstText(JsonNode node, String current, String older) {
        String value = Transaction.text(node.path(current));
        return value != null ? value : Transaction.text(node.path(older));
    }
}
