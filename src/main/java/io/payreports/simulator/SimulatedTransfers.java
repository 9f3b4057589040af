package io.payreports.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payreports.spapi.PaymentMethodsQuery;
import io.payreports.spapi.SpApiException;
import io.payreports.spapi.SpApiJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The simulated seller's payout side (Transfers API v2024-06-01): three payment methods, each offered
 * in some stores and the default deposit method in some, answered per store as getPaymentMethods
 * does; and per marketplace one of initiatePayout's answers so that each documented error can be
 * seen: US and DE pay out, UK has no deposit method and too little balance (both errors at once, as
 * the model's sandbox answers), JP is not eligible, CA has no deposit method; anything else is
 * InvalidInput.
 */
final class SimulatedTransfers {

    private record Method(
            String id,
            String type,
            String tail,
            String month,
            String year,
            String country,
            List<String> defaultIn,
            List<String> offeredIn) {}

    static final String ACCOUNT_HOLDER = "Simulated Seller";

    private static final List<Method> METHODS = List.of(
            new Method(
                    "0h_TU_CUS_4058fe2a-da6b-4b82-8e48-b20ff2eb4f6d",
                    "BANK_ACCOUNT",
                    "4321",
                    null,
                    null,
                    "US",
                    List.of("ATVPDKIKX0DER"),
                    List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2")),
            new Method(
                    "0h_TU_CUS_9a1c3e77-5d2b-4f0e-9c61-0b7d2e4f8a15",
                    "CARD",
                    "677",
                    "3",
                    "2029",
                    "US",
                    List.of(),
                    List.of("ATVPDKIKX0DER")),
            new Method(
                    "0h_TU_CUS_e3b0c442-98fc-4c14-9afb-f4c8996fb924",
                    "SELLER_WALLET",
                    "0042",
                    null,
                    null,
                    "DE",
                    List.of("A1PA6795UKMFR9", "A1F83G8C2ARO7P"),
                    List.of("ATVPDKIKX0DER", "A1PA6795UKMFR9", "A1F83G8C2ARO7P")));

    /** Marketplace → the accountTypes it has; EU marketplaces have only "Standard Orders". */
    private static final Map<String, Set<String>> ACCOUNT_TYPES = Map.of(
            "ATVPDKIKX0DER", Set.of("Standard Orders", "Invoiced Orders"),
            "A2EUQ1WTGCTBG2", Set.of("Standard Orders"),
            "A1PA6795UKMFR9", Set.of("Standard Orders"),
            "A1F83G8C2ARO7P", Set.of("Standard Orders"),
            "A1VC38T7YXB528", Set.of("Standard Orders"));

    private final String accountHolder;
    /** Empty for the one merchant; a named account's methods have ids of their own. */
    private final String account;

    /** The one merchant's. */
    SimulatedTransfers() {
        this(ACCOUNT_HOLDER, "");
    }

    private SimulatedTransfers(String accountHolder, String account) {
        this.accountHolder = accountHolder;
        this.account = account;
    }

    /** A named account's: the same kinds of methods, its own ids and holder name. */
    static SimulatedTransfers of(SimulatedMerchant merchant) {
        return new SimulatedTransfers(ACCOUNT_HOLDER + " " + merchant.name(), merchant.name());
    }

    /** The getPaymentMethods answer for the query's store and types (the query as the model has it). */
    Map<String, Object> paymentMethods(Map<String, String> query) {
        String marketplaceId = query.getOrDefault("marketplaceId", "");
        if (marketplaceId.isBlank()) {
            throw new SpApiSimulator.InvalidInput(
                    "InvalidInput",
                    "The input request had one or more invalid input parameters.",
                    "The following input parameters are invalid : [ marketplaceId ].");
        }
        List<String> types = query.getOrDefault("paymentMethodTypes", "").isBlank()
                ? List.of()
                : List.of(query.get("paymentMethodTypes").split(","));
        if (!PaymentMethodsQuery.PAYMENT_METHOD_TYPES.containsAll(types)) {
            throw new SpApiSimulator.InvalidInput(
                    "InvalidInput",
                    "The input request had one or more invalid input parameters.",
                    "The following input parameters are invalid : [ paymentMethodTypes ].");
        }
        ArrayNode methods = SpApiJson.MAPPER.createArrayNode();
        for (Method method : METHODS) {
            if (method.offeredIn().contains(marketplaceId) && (types.isEmpty() || types.contains(method.type()))) {
                methods.add(json(method, marketplaceId));
            }
        }
        return Map.of("paymentMethods", methods);
    }

    /** Refuses as the Transfers API documents (codes in the model's CamelCase); returns when a payout may go ahead. */
    void checkPayout(String marketplaceId, String accountType) {
        Set<String> types = ACCOUNT_TYPES.get(marketplaceId);
        if (types == null || !types.contains(accountType)) {
            throw new SpApiSimulator.InvalidInput(
                    "InvalidInput", "The marketplaceId/accountType provided in the input is invalid.", null);
        }
        switch (marketplaceId) {
            // the older reference page's NOT_ELIGIBLE_FOR_ON_DEMAND_PAYOUT, spelled as the model spells its codes
            case "A1VC38T7YXB528" ->
                throw new SpApiSimulator.InvalidInput(
                        "NotEligibleForOnDemandPayout", "The seller is not eligible for On-Demand Payouts.", null);
            case "A2EUQ1WTGCTBG2" ->
                throw new SpApiSimulator.InvalidInput(
                        "NoDepositMethod",
                        "No deposit method found for the selling partner. Add a valid deposit method and try again.",
                        null);
            // the model's sandbox answer for this marketplace: two errors in one ErrorList
            case "A1F83G8C2ARO7P" ->
                throw new SpApiSimulator.InvalidInput(
                        List.of(
                                new SpApiException.Error(
                                        "NoDepositMethod",
                                        "No deposit method found for the selling partner. Add a valid deposit method and try again."),
                                new SpApiException.Error(
                                        "InsufficientPayoutAmount",
                                        "The available balance is less than the minimum permissible payout amount. No payout will be initiated.")));
            default -> {}
        }
    }

    private ObjectNode json(Method method, String marketplaceId) {
        ObjectNode node = SpApiJson.MAPPER.createObjectNode();
        node.put("countryCode", method.country());
        node.put("accountHolderName", accountHolder);
        node.put(
                "paymentMethodId",
                account.isEmpty()
                        ? method.id()
                        : "0h_TU_CUS_"
                                + UUID.nameUUIDFromBytes(
                                        (account + "/" + method.id()).getBytes(StandardCharsets.UTF_8)));
        node.put("paymentMethodType", method.type());
        if (method.month() != null) {
            ObjectNode expiry = node.putObject("expiryDate");
            expiry.put("month", method.month());
            expiry.put("year", method.year());
        }
        node.put("tail", method.tail());
        if (method.defaultIn().contains(marketplaceId)) {
            node.put("assignmentType", "DEFAULT_DEPOSIT_METHOD");
        }
        return node;
    }
}
