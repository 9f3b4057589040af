package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payreports.amazonpay.Disbursement;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SP-API simulator's Transfer transactions are the Amazon Pay simulator's payouts of the same seed: one per
 * settlement, same amount, same time, naming the settlement and the disbursement; and a missing disbursement is
 * missing from both.
 */
class SettlementPayoutsTest {

    private static final long SEED = SimulatorOptions.DEFAULT_SEED;
    /** A fixed date: which settlements exist depends on it, not on today. */
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Test
    void eachSettlementIsPaidOutOnceByATransferNamingItsSettlementAndDisbursement() {
        List<Settlement> plan = SettlementReportGenerator.plan(SEED, NOW, 90);
        Map<String, Disbursement> disbursements =
                SimulatedAccount.disbursements(plan, NOW.minus(Duration.ofDays(91)), NOW).stream()
                        .collect(Collectors.toMap(Disbursement::settlementId, Function.identity()));

        List<ObjectNode> transfers =
                transfers(new SimulatedTransactions(SEED, Clock.fixed(NOW, ZoneOffset.UTC), false));

        assertThat(plan).hasSizeBetween(12, 15);
        assertThat(transfers).hasSameSizeAs(plan);
        for (ObjectNode transfer : transfers) {
            Map<String, String> ids = identifiers(transfer);
            Disbursement paid = disbursements.get(ids.get("SETTLEMENT_ID"));
            assertThat(paid)
                    .as("a disbursement of settlement %s", ids.get("SETTLEMENT_ID"))
                    .isNotNull();
            assertThat(ids)
                    .containsEntry("DISBURSEMENT_ID", paid.amazonDisbursementReferenceId())
                    .containsEntry(
                            "TRANSFER_ID",
                            transfer.at("/contexts/0/paymentReference").asText());
            // Transfer debits the seller's balance: the bank receives the negated total
            assertThat(transfer.at("/totalAmount/currencyAmount").decimalValue().negate())
                    .isEqualByComparingTo(paid.amount());
            assertThat(transfer.at("/totalAmount/currencyCode").asText()).isEqualTo(paid.currencyCode());
            assertThat(transfer.at("/breakdowns/0/breakdownAmount/currencyAmount")
                            .decimalValue())
                    .isEqualByComparingTo(
                            transfer.at("/totalAmount/currencyAmount").decimalValue());
            assertThat(Instant.parse(transfer.get("postedDate").asText())).isEqualTo(paid.transactionTime());
        }
    }

    @Test
    void theMissingDisbursementIsMissingFromTheTransfersToo() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<Settlement> plan = SettlementReportGenerator.plan(SEED, NOW, 90);
        String newest = plan.get(plan.size() - 1).settlementId();

        List<String> paid = transfers(new SimulatedTransactions(SEED, clock, true)).stream()
                .map(transfer -> identifiers(transfer).get("SETTLEMENT_ID"))
                .toList();

        assertThat(paid).hasSize(plan.size() - 1).doesNotContain(newest);
    }

    @Test
    void theRestOfTheDayStaysInTimeOrder() {
        List<ObjectNode> all = new SimulatedTransactions(SEED, Clock.fixed(NOW, ZoneOffset.UTC), false)
                .between(NOW.minus(Duration.ofDays(90)), NOW, null);

        assertThat(all)
                .extracting(transaction ->
                        Instant.parse(transaction.get("postedDate").asText()))
                .isSorted();
        assertThat(all)
                .filteredOn(transaction ->
                        transaction.get("transactionType").asText().equals("Transfer"))
                .allSatisfy(transfer -> assertThat(identifiers(transfer)).containsKey("SETTLEMENT_ID"));
    }

    private static List<ObjectNode> transfers(SimulatedTransactions transactions) {
        return transactions.between(NOW.minus(Duration.ofDays(90)), NOW, null).stream()
                .filter(transaction ->
                        transaction.get("transactionType").asText().equals("Transfer"))
                .toList();
    }

    private static Map<String, String> identifiers(JsonNode transaction) {
        Map<String, String> ids = new HashMap<>();
        transaction
                .get("relatedIdentifiers")
                .forEach(id -> ids.put(
                        id.get("relatedIdentifierName").asText(),
                        id.get("relatedIdentifierValue").asText()));
        return ids;
    }
}
