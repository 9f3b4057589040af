package io.payreports.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payreports.spapi.SpApiJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Finances transactions (Finances API v2024-06-19 reference shapes) generated per UTC day from the seed, so any window of any
 * length is answered the same way every time without keeping 400 days in memory: shipments with
 * sales and fee breakdowns, refunds, service fees, reimbursements, in four marketplaces and currencies (JPY without
 * decimals), some deferred; and the transfers to the bank, which are the payouts of the Amazon Pay simulator's
 * settlements of the same seed ({@link SettlementReportGenerator}): one {@code Transfer} per settlement, at its end,
 * of what its Transfer row moved, naming it by {@code SETTLEMENT_ID} and its disbursement by {@code DISBURSEMENT_ID},
 * so that the payouts of both sources reconcile by construction.
 */
final class SimulatedTransactions {

    record Marketplace(String id, String name, String currency, int scale) {}

    static final List<Marketplace> MARKETPLACES = List.of(
            new Marketplace("ATVPDKIKX0DER", "Amazon.com", "USD", 2),
            new Marketplace("A1F83G8C2ARO7P", "Amazon.co.uk", "GBP", 2),
            new Marketplace("A1PA6795UKMFR9", "Amazon.de", "EUR", 2),
            new Marketplace("A1VC38T7YXB528", "Amazon.co.jp", "JPY", 0));
    static final String SELLER_ID = "A3SIMSELLER0001";
    /** Days of settlements planned to find a break's settlement: the breaks land in the newest few. */
    private static final int PLAN_DAYS = 90;

    private final SettlementReportGenerator.Books books;
    private final Clock clock;
    private final boolean missingDisbursement;
    private final List<Marketplace> marketplaces;
    private final String sellerId;

    /**
     * @param missingDisbursement whether the {@link SettlementBreak#MISSING_DISBURSEMENT} break is injected: its
     *     settlement's payout then never arrives, here as in getDisbursements
     */
    SimulatedTransactions(long seed, Clock clock, boolean missingDisbursement) {
        this(SettlementReportGenerator.Books.of(seed), clock, missingDisbursement, MARKETPLACES, SELLER_ID);
    }

    private SimulatedTransactions(
            SettlementReportGenerator.Books books,
            Clock clock,
            boolean missingDisbursement,
            List<Marketplace> marketplaces,
            String sellerId) {
        this.books = books;
        this.clock = clock;
        this.missingDisbursement = missingDisbursement;
        this.marketplaces = marketplaces;
        this.sellerId = sellerId;
    }

    /** A named account's: in its region's marketplace only, under its seller id, paying out its own settlements. */
    static SimulatedTransactions of(
            SimulatedMerchant merchant, long simulatorSeed, Clock clock, boolean missingDisbursement) {
        return new SimulatedTransactions(
                merchant.books(simulatorSeed),
                clock,
                missingDisbursement,
                MARKETPLACES.stream()
                        .filter(marketplace ->
                                marketplace.id().equals(merchant.region().marketplaceId()))
                        .toList(),
                merchant.mwsSellerId());
    }

    /** The transactions posted in [from, to), oldest first. */
    List<ObjectNode> between(Instant from, Instant to, String marketplaceId) {
        List<ObjectNode> found = new ArrayList<>();
        Set<String> unpaid = unpaidSettlements();
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (ObjectNode transaction : on(day, unpaid)) {
                Instant posted = Instant.parse(transaction.get("postedDate").asText());
                if (!posted.isBefore(from)
                        && posted.isBefore(to)
                        && (marketplaceId == null
                                || marketplaceId.equals(transaction
                                        .path("marketplaceDetails")
                                        .path("marketplaceId")
                                        .asText()))) {
                    found.add(transaction);
                }
            }
        }
        return found;
    }

    /**
     * When a transaction shows up in listTransactions: the given share of them (picked by id, so the
     * data stays the same) between a minute and 47 hours after its postedDate, the others at once.
     */
    static Instant visibleFrom(ObjectNode transaction, double lateShare) {
        Instant posted = Instant.parse(transaction.get("postedDate").asText());
        int hash = transaction.get("transactionId").asText().hashCode() & 0x7fffffff;
        return hash % 1000 < lateShare * 1000 ? posted.plus(Duration.ofMinutes(1 + (hash / 1000) % (47 * 60))) : posted;
    }

    /** The settlement whose payout the missing-disbursement break holds back (as of now), if injected. */
    private Set<String> unpaidSettlements() {
        if (!missingDisbursement) {
            return Set.of();
        }
        return SettlementBreak.MISSING_DISBURSEMENT
                .target(SettlementReportGenerator.plan(books, clock.instant(), PLAN_DAYS))
                .map(settlement -> Set.of(settlement.settlementId()))
                .orElse(Set.of());
    }

    /**
     * One to five transactions a day, at random seconds of the day, and the payouts of the settlements that end
     * that day except the unpaid ones, in time order.
     */
    List<ObjectNode> on(LocalDate day, Set<String> unpaid) {
        Random random = new Random(books.seed() * 1_000_003L + day.toEpochDay());
        int count = 1 + random.nextInt(5);
        List<Integer> seconds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seconds.add(random.nextInt(86_400));
        }
        seconds.sort(null);
        List<ObjectNode> transactions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant posted = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(seconds.get(i));
            String id = "amzn1.sim.txn." + day.toEpochDay() + "." + i + "."
                    + Long.toHexString(random.nextLong() & 0xffffffL);
            transactions.add(transaction(random, id, posted));
        }
        for (SettlementReportGenerator.Settlement settlement : SettlementReportGenerator.endingOn(books, day)) {
            if (!unpaid.contains(settlement.settlementId())) {
                transactions.add(payout(settlement));
            }
        }
        transactions.sort(
                Comparator.comparing(t -> Instant.parse(t.get("postedDate").asText())));
        return transactions;
    }

    /**
     * The Transfer of a settlement's payout, posted when getDisbursements says it was paid (the settlement's end):
     * it debits the seller's balance by what the settlement's Transfer row moved to the bank. The Finances model's
     * identifiers tie it to both: SETTLEMENT_ID ("the transaction's settlement group"), DISBURSEMENT_ID ("the
     * disbursement ID for Amazon's bank transfer", the disbursement's amazonDisbursementReferenceId) and TRANSFER_ID,
     * also the PaymentsContext's paymentReference.
     */
    ObjectNode payout(SettlementReportGenerator.Settlement settlement) {
        Marketplace marketplace = MARKETPLACES.stream()
                .filter(candidate -> candidate.currency().equals(settlement.currency()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no marketplace in " + settlement.currency()));
        String transferId = "TR" + settlement.settlementId();
        Instant posted = settlement.end();
        BigDecimal paid = SettlementReportGenerator.disbursement(settlement);
        ObjectNode t = sellersTransaction(marketplace);
        ArrayNode related = t.putArray("relatedIdentifiers");
        related.add(identifier("SETTLEMENT_ID", settlement.settlementId()));
        related.add(identifier("DISBURSEMENT_ID", SimulatedAccount.disbursementId(settlement)));
        related.add(identifier("TRANSFER_ID", transferId));
        t.put("transactionId", "amzn1.sim.txn.transfer." + settlement.settlementId());
        t.put("transactionType", "Transfer");
        t.put("transactionStatus", "Released");
        t.put("description", paid.signum() >= 0 ? "Transfer to bank account" : "Debit from bank account");
        t.put("postedDate", posted.toString());
        t.set("totalAmount", currency(paid.negate(), marketplace));
        ObjectNode details = t.putObject("marketplaceDetails");
        details.put("marketplaceId", marketplace.id());
        details.put("marketplaceName", marketplace.name());
        t.putArray("items");
        ObjectNode payment = t.putArray("contexts").addObject();
        payment.put("contextType", "PaymentsContext");
        payment.put("paymentType", "DISBURSEMENT");
        payment.put("paymentMethod", "BANK_ACCOUNT");
        payment.put("paymentReference", transferId);
        payment.put("paymentDate", posted.toString());
        leaf(t.putArray("breakdowns"), "Transfer", paid.negate(), marketplace);
        return t;
    }

    private ObjectNode transaction(Random random, String id, Instant posted) {
        Marketplace marketplace = marketplaces.get(random.nextInt(marketplaces.size()));
        int kind = random.nextInt(100);
        ObjectNode t = sellersTransaction(marketplace);
        ArrayNode related = t.putArray("relatedIdentifiers");
        t.put("transactionId", id);
        String orderId = String.format(
                "%03d-%07d-%07d", 100 + random.nextInt(900), random.nextInt(10_000_000), random.nextInt(10_000_000));
        ArrayNode breakdowns = SpApiJson.MAPPER.createArrayNode();
        ArrayNode items = SpApiJson.MAPPER.createArrayNode();
        ArrayNode contexts = SpApiJson.MAPPER.createArrayNode();
        String type;
        String status = "Released";
        String description;
        if (kind < 60 || kind >= 95) {
            boolean refund = kind >= 50;
            type = refund ? "Refund" : "Shipment";
            description = refund ? "Refund Order" : "Order Payment";
            int sign = refund ? -1 : 1;
            BigDecimal price = money(marketplace, 5 + random.nextInt(195), random);
            BigDecimal shipping = money(marketplace, random.nextInt(8), random);
            BigDecimal tax = price.multiply(new BigDecimal("0.08")).setScale(marketplace.scale(), RoundingMode.HALF_UP);
            BigDecimal commission =
                    price.multiply(new BigDecimal("0.15")).setScale(marketplace.scale(), RoundingMode.HALF_UP);
            BigDecimal fulfilment = money(marketplace, 2 + random.nextInt(4), random);
            ObjectNode sales = breakdown(breakdowns, "Sales", null, marketplace);
            ArrayNode salesParts = sales.putArray("breakdowns");
            BigDecimal salesTotal = leaf(
                            salesParts, "ProductCharges", price.multiply(BigDecimal.valueOf(sign)), marketplace)
                    .add(leaf(salesParts, "Shipping", shipping.multiply(BigDecimal.valueOf(sign)), marketplace))
                    .add(leaf(salesParts, "Tax", tax.multiply(BigDecimal.valueOf(sign)), marketplace));
            setAmount(sales, salesTotal, marketplace);
            ObjectNode expenses = breakdown(breakdowns, "Expenses", null, marketplace);
            ArrayNode expenseParts = expenses.putArray("breakdowns");
            BigDecimal expenseTotal =
                    leaf(expenseParts, "Commission", commission.multiply(BigDecimal.valueOf(-sign)), marketplace);
            if (!refund) {
                expenseTotal =
                        expenseTotal.add(leaf(expenseParts, "FBAFulfillmentFee", fulfilment.negate(), marketplace));
            }
            setAmount(expenses, expenseTotal, marketplace);
            related.add(identifier("ORDER_ID", orderId));
            related.add(identifier(
                    refund ? "REFUND_ID" : "SHIPMENT_ID",
                    (refund ? "R" : "S")
                            + Long.toString(random.nextLong() & 0xffffffffL, 36).toUpperCase(Locale.ROOT)));
            items.add(item(random, marketplace, price.multiply(BigDecimal.valueOf(sign)), refund));
            if (!refund && random.nextInt(4) == 0) {
                status = "Deferred";
                ObjectNode deferred = contexts.addObject();
                deferred.put("contextType", "DeferredContext");
                deferred.put("deferralReason", random.nextBoolean() ? "DD7" : "B2B");
                deferred.put("maturityDate", posted.plusSeconds(7 * 86_400L).toString());
                deferred.put("deferralStatus", "HOLD");
            }
        } else if (kind < 75) {
            type = "ServiceFee";
            description = "Subscription Fee";
            leaf(breakdowns, "Expenses", money(marketplace, 39, random).negate(), marketplace);
        } else {
            // transfers to the bank are not random: they are the settlements' payouts (payout(...))
            type = "Adjustment";
            description = "FBA Inventory Reimbursement";
            leaf(breakdowns, "Reimbursement", money(marketplace, 3 + random.nextInt(60), random), marketplace);
            related.add(identifier("ORDER_ID", orderId));
        }
        t.put("transactionType", type);
        t.put("transactionStatus", status);
        t.put("description", description);
        t.put("postedDate", posted.toString());
        BigDecimal total = BigDecimal.ZERO.setScale(marketplace.scale());
        for (var node : breakdowns) {
            total = total.add(node.get("breakdownAmount").get("currencyAmount").decimalValue());
        }
        t.set("totalAmount", currency(total, marketplace));
        ObjectNode details = t.putObject("marketplaceDetails");
        details.put("marketplaceId", marketplace.id());
        details.put("marketplaceName", marketplace.name());
        t.set("items", items);
        t.set("contexts", contexts);
        t.set("breakdowns", breakdowns);
        return t;
    }

    /** A transaction of the simulated seller's standard account in this marketplace, its metadata filled in. */
    private ObjectNode sellersTransaction(Marketplace marketplace) {
        ObjectNode t = SpApiJson.MAPPER.createObjectNode();
        ObjectNode metadata = t.putObject("sellingPartnerMetadata");
        metadata.put("sellingPartnerId", sellerId);
        metadata.put("accountType", "Standard Orders");
        metadata.put("marketplaceId", marketplace.id());
        return t;
    }

    private static ObjectNode item(Random random, Marketplace marketplace, BigDecimal amount, boolean refund) {
        ObjectNode item = SpApiJson.MAPPER.createObjectNode();
        item.put("description", "Simulated product " + (1 + random.nextInt(40)));
        ArrayNode identifiers = item.putArray("relatedIdentifiers");
        ObjectNode identifier = identifiers.addObject();
        identifier.put("itemRelatedIdentifierName", refund ? "ORDER_ADJUSTMENT_ITEM_ID" : "TRANSACTION_ID");
        identifier.put("itemRelatedIdentifierValue", Long.toString(random.nextLong() & 0xffffffffffL));
        item.set("totalAmount", currency(amount, marketplace));
        leaf(item.putArray("breakdowns"), "ProductCharges", amount, marketplace);
        ObjectNode product = item.putArray("contexts").addObject();
        product.put("contextType", "ProductContext");
        product.put(
                "asin",
                "B0"
                        + Long.toString(random.nextLong() & 0xffffffffffffL, 36)
                                .toUpperCase(Locale.ROOT)
                                .substring(0, 8));
        product.put("sku", "SKU-" + (1000 + random.nextInt(9000)));
        product.put("quantityShipped", 1 + random.nextInt(3));
        product.put("fulfillmentNetwork", random.nextBoolean() ? "AFN" : "MFN");
        return item;
    }

    private static BigDecimal money(Marketplace marketplace, int units, Random random) {
        if (marketplace.scale() == 0) {
            return BigDecimal.valueOf(units * 100L + random.nextInt(100));
        }
        return BigDecimal.valueOf(units * 100L + random.nextInt(100), 2);
    }

    private static ObjectNode breakdown(ArrayNode list, String type, BigDecimal amount, Marketplace marketplace) {
        ObjectNode node = list.addObject();
        node.put("breakdownType", type);
        if (amount != null) {
            node.set("breakdownAmount", currency(amount, marketplace));
        }
        return node;
    }

    private static BigDecimal leaf(ArrayNode list, String type, BigDecimal amount, Marketplace marketplace) {
        breakdown(list, type, amount, marketplace);
        return amount;
    }

    private static void setAmount(ObjectNode node, BigDecimal amount, Marketplace marketplace) {
        // keep breakdownType first, as Amazon writes it
        ArrayNode children = (ArrayNode) node.remove("breakdowns");
        node.set("breakdownAmount", currency(amount, marketplace));
        node.set("breakdowns", children);
    }

    private static ObjectNode currency(BigDecimal amount, Marketplace marketplace) {
        ObjectNode currency = SpApiJson.MAPPER.createObjectNode();
        currency.put("currencyCode", marketplace.currency());
        currency.put("currencyAmount", amount.setScale(marketplace.scale(), RoundingMode.UNNECESSARY));
        return currency;
    }

    private static ObjectNode identifier(String name, String value) {
        ObjectNode node = SpApiJson.MAPPER.createObjectNode();
        node.put("relatedIdentifierName", name);
        node.put("relatedIdentifierValue", value);
        return node;
    }
}
