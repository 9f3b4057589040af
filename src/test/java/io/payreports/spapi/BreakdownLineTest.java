package io.payreports.spapi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(lines).extracting(BreakdownLine::path)
                .containsExactly("Sales", "Sales/ProductCharges", "Sales/Tax", "Expenses", "Expenses/Commission");
        assertThat(lines).extracting(BreakdownLine::lineNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(lines.stream().filter(line -> line.leaf().equals("true")).map(BreakdownLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(t.totalAmount());
        assertThat(lines.get(1).amount()).isEqualTo(new BigDecimal("18.10"));
        assertThat(t.postedDate()).hasToString("2026-11-01T09:00:00Z");
        assertThat(t.postedDateRaw()).isEqualTo("2026-11-01T10:00:00+01:00");
        assertThat(t.breakdowns()).contains("\"currencyAmount\":20.00");
        assertThat(t.marketplaceId()).isEqualTo("A1PA6795UKMFR9");
    }
}
