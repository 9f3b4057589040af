package io.payreports.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payreports.spapi.PaymentMethodsRequest;
import io.payreports.spapi.SpApiJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated seller's payout side (seed 004): three payment instruments, filtered as
 * getPaymentMethods' paymentMethodFilter asks, and per marketplace one of initiatePayout's answers
 * so that each documented error can be seen: US and DE pay out, UK has too little balance, JP is
 * not eligible, CA has no deposit method; anything else is INVALID_INPUT.
 */
final class SimulatedTransfers {

    private record Instrument(String id, String type, String tail, String month, String year, String country,
                              List<String> defaultMarketplaces, List<String> subscribedMarketplaces) {
    }

    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("0h_TU_CUS_4058fe2a-da6b-4b82-8e48-b20ff2eb4f6d", "BANK_ACCOUNT", "4321", null, null, "US",
                    List.of("ATVPDKIKX0DER"), List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2")),
            new Instrument("0h_TU_CUS_9a1c3e77-5d2b-4f0e-9c61-0b7d2e4f8a15", "CARD", "677", "3", "2029", "US",
                    List.of(), List.of("ATVPDKIKX0DER")),
            new Instrument("0h_TU_CUS_e3b0c442-98fc-4c14-9afb-f4c8996fb924", "SELLER_WALLET", "0042", null, null, "DE",
                    List.of("A1PA6795UKMFR9", "A1F83G8C2ARO7P"), List.of("A1PA6795UKMFR9", "A1F83G8C2ARO7P")));

    /** Marketplace → the accountTypes it has; EU marketplaces have only "Standard Orders" (seed 004). */
    private static final Map<String, Set<String>> ACCOUNT_TYPES = Map.of(
            "ATVPDKIKX0DER", Set.of("Standard Orders", "Invoiced Orders"),
            "A2EUQ1WTGCTBG2", Set.of("Standard Orders"),
            "A1PA6795UKMFR9", Set.of("Standard Orders"),
            "A1F83G8C2ARO7P", Set.of("Standard Orders"),
            "A1VC38T7YXB528", Set.of("Standard Orders"));

    /** The getPaymentMethods answer; the request may come bare or wrapped in {@code {"body": ...}} as seed 004's example shows it. */
    Map<String, Object> paymentMethods(JsonNode request) {
        JsonNode body = request.has("body") && request.get("body").isObject() ? request.get("body") : request;
        JsonNode filter = body.path("paymentMethodFilter");
        List<String> types = strings(filter.path("paymentInstrumentTypes"));
        List<String> assignments = strings(filter.path("assignmentFilter").path("assignmentTypes"));
        List<String> subscribed = strings(filter.path("subscribedMarketplaces"));
        String instrumentId = filter.path("paymentInstrumentId").asText("");
        for (String type : types) {
            if (!PaymentMethodsRequest.PAYMENT_INSTRUMENT_TYPES.contains(type)) {
                throw new SpApiSimulator.InvalidInput("InvalidInput", "The input request had one or more invalid input parameters.",
                        "The following input parameters are invalid : [ paymentInstrumentTypes ].");
            }
        }
        for (String assignment : assignments) {
            if (!PaymentMethodsRequest.ASSIGNMENT_TYPES.contains(assignment)) {
                throw new SpApiSimulator.InvalidInput("InvalidInput", "The input request had one or more invalid input parameters.",
                        "The following input parameters are invalid : [ assignmentTypes ].");
            }
        }
        ArrayNode details = SpApiJson.MAPPER.createArrayNode();
        for (Instrument instrument : INSTRUMENTS) {
            if ((types.isEmpty() || types.contains(instrument.type()))
                    && (assignments.isEmpty() || !instrument.defaultMarketplaces().isEmpty())
                    && (subscribed.isEmpty() || instrument.subscribedMarketplaces().stream().anyMatch(subscribed::contains))
                    && (instrumentId.isBlank() || instrumentId.equals(instrument.id()))) {
                details.add(json(instrument));
            }
        }
        return Map.of("piDetails", details);
    }

    /** Refuses as seed 004 documents; returns when a payout may go ahead. */
    void checkPayout(String marketplaceId, String accountType) {
        Set<String> types = ACCOUNT_TYPES.get(marketplaceId);
        if (types == null || !types.contains(accountType)) {
            throw new SpApiSimulator.InvalidInput("INVALID_INPUT", "The marketplaceId/accountType provided in the input is invalid.", null);
        }
        switch (marketplaceId) {
            case "A1VC38T7YXB528" -> throw new SpApiSimulator.InvalidInput("NOT_ELIGIBLE_FOR_ON_DEMAND_PAYOUT",
                    "The seller is not eligible for On-Demand Payouts.", null);
            case "A2EUQ1WTGCTBG2" -> throw new SpApiSimulator.InvalidInput("NO_DEPOSIT_METHOD",
                    "No deposit method found for the selling partner.", null);
            case "A1F83G8C2ARO7P" -> throw new SpApiSimulator.InvalidInput("INSUFFICIENT_PAYOUT_AMOUNT",
                    "The outstanding balance is less than the minimum permissible payout amount.", null);
            default -> {
            }
        }
    }

    private static ObjectNode json(Instrument instrument) {
        ObjectNode node = SpApiJson.MAPPER.createObjectNode();
        node.put("countryCode", instrument.country());
        ArrayNode defaults = node.putArray("defaultMarketplaces");
        instrument.defaultMarketplaces().forEach(defaults::add);
        node.put("encryptedAccountHolderName", "?SIEGE|Sim!00" + Integer.toHexString(instrument.id().hashCode()) + "AAAAAAYIARAAGgAAAAAADgjowvyyBhAA!EGEIS?");
        node.put("paymentInstrumentId", instrument.id());
        node.put("paymentInstrumentType", instrument.type());
        if (instrument.month() != null) {
            ObjectNode expiry = node.putObject("expiryDate");
            expiry.put("month", instrument.month());
            expiry.put("year", instrument.year());
        }
        node.put("tail", instrument.tail());
        return node;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
