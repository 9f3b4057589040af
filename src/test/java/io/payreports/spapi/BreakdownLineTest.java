package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.reports.RecordLayout.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownLineTest {

    @Test
    void theBreakdownTreeFlattensDepthFirstAndItsLeavesSumToTheTotal() {
        Transaction t = Transaction.of(SpApiJson.read("""
                {"transactionId":"T1","transactionType":"Shipment","postedDate":"2026-11-01T10:00:00+01:00",
                 "totalAmount":{"currencyCode":"EUR","currencyAmount":17.50},
                 "marketplaceDetails":{"marketplaceId":"A1PA6795UKMFR9","marketplaceName":"Amazon.de"},
                 "breakdowns":[
                   {"breakdownType":"Sales","breakdownAmount":{"currencyCode":"EUR","currencyAmount":20.00},
                    "breakdowns":[{"breakdownType":"ProductCharges","breakdownAmount":{"currencyCode":"EUR","currencyAmount":18.10}},
                                  {"breakdownType":"Tax","breakdownAmount":{"currencyCode":"EUR","currencyAmount":1.90}}]},
                   {"breakdownType":"Expenses","breakdownAmount":{"currencyCode":"EUR","currencyAmount":-2.50},
                    "breakdowns":{"breakdownType":"Commission","breakdownAmount":{"currencyCode":"EUR","currencyAmount":-2.50}}}]}
                """, "test"));

        List<BreakdownLine> lines = BreakdownLine.of(t);

        assertThat(lines)
                .extracting(BreakdownLine::path)
                .containsExactly("Sales", "Sales/ProductCharges", "Sales/Tax", "Expenses", "Expenses/Commission");
        assertThat(lines).extracting(BreakdownLine::lineNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(lines.stream()
                        .filter(line -> line.leaf().equals("true"))
                        .map(BreakdownLine::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(t.totalAmount());
        assertThat(lines.get(1).amount()).isEqualTo(new BigDecimal("18.10"));
        assertThat(t.postedDate()).hasToString("2026-11-01T09:00:00Z");
        assertThat(t.postedDateRaw()).isEqualTo("2026-11-01T10:00:00+01:00");
        assertThat(t.breakdowns()).contains("\"currencyAmount\":20.00");
        assertThat(t.marketplaceId()).isEqualTo("A1PA6795UKMFR9");
    }

    @Test
    void aLineCarriesItsDepthLeafFlagAmountAndCurrencyInTheLayoutsColumnOrder() {
        Transaction t = Transaction.of(SpApiJson.read("""
                {"transactionId":"T2","transactionType":"Refund","postedDate":"2026-11-02T00:00:00Z",
                 "marketplaceDetails":{"marketplaceId":"A1VC38T7YXB528"},
                 "breakdowns":[
                   {"breakdownType":"Expenses","breakdownAmount":{"currencyCode":"JPY","currencyAmount":-300},
                    "breakdowns":[{"breakdownType":"Fees","breakdownAmount":{"currencyCode":"JPY","currencyAmount":-300},
                                   "breakdowns":[]}]}]}
                """, "test"));
        BreakdownLineLayout layout = BreakdownLineLayout.INSTANCE;

        List<BreakdownLine> lines = BreakdownLine.of(t);

        assertThat(layout.name()).isEqualTo("spapi_transaction_breakdown");
        assertThat(layout.naturalKey()).containsExactly("transactionId", "lineNumber");
        assertThat(layout.columns())
                .extracting(Column::name)
                .containsExactly(
                        "transactionId",
                        "lineNumber",
                        "path",
                        "breakdownType",
                        "depth",
                        "leaf",
                        "amount",
                        "currencyCode",
                        "postedDate",
                        "transactionType",
                        "marketplaceId");
        assertThat(lines).hasSize(2);
        assertThat(layout.values(lines.get(0)))
                .containsExactly(
                        "T2",
                        1L,
                        "Expenses",
                        "Expenses",
                        0L,
                        "false",
                        new BigDecimal("-300"),
                        "JPY",
                        Instant.parse("2026-11-02T00:00:00Z"),
                        "Refund",
                        "A1VC38T7YXB528");
        // an empty list of children is a leaf
        assertThat(layout.values(lines.get(1)))
                .containsExactly(
                        "T2",
                        2L,
                        "Expenses/Fees",
                        "Fees",
                        1L,
                        "true",
                        new BigDecimal("-300"),
                        "JPY",
                        Instant.parse("2026-11-02T00:00:00Z"),
                        "Refund",
                        "A1VC38T7YXB528");
    }

    @Test
    void aTransactionWithoutBreakdownsHasNoLines() {
        assertThat(BreakdownLine.of(Transaction.of(SpApiJson.read("{\"transactionId\":\"T3\"}", "test"))))
                .isEmpty();
        assertThat(BreakdownLine.of(
                        Transaction.of(SpApiJson.read("{\"transactionId\":\"T3\",\"breakdowns\":\"none\"}", "test"))))
                .isEmpty();
    }
}
