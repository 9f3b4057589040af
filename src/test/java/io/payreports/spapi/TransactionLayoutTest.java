package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.reports.RecordLayout.Column;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A Finances transaction as a typed row: exact money beside its currency, UTC times beside Amazon's text, columns in order. */
class TransactionLayoutTest {

    private static final Transaction SHIPMENT = Transaction.of(SpApiJson.read("""
            {"transactionId":"T1","transactionType":"Shipment","transactionStatus":"Released","description":"Order payment",
             "postedDate":"2026-11-01T10:00:00-08:00",
             "totalAmount":{"currencyCode":"USD","currencyAmount":-1234.50},
             "marketplaceDetails":{"marketplaceId":"ATVPDKIKX0DER","marketplaceName":"Amazon.com"},
             "sellingPartnerMetadata":{"sellingPartnerId":"A2SELLER","accountType":"Standard Orders","marketplaceId":"OTHER"},
             "relatedIdentifiers":[{"relatedIdentifierName":"ORDER_ID","relatedIdentifierValue":"111-1"}],
             "items":[{"description":"Widget"}],
             "contexts":[{"contextType":"ShippingContext"}],
             "breakdowns":[{"breakdownType":"Sales","breakdownAmount":{"currencyCode":"USD","currencyAmount":-1234.50}}]}
            """, "test"));

    @Test
    void aTransactionBecomesOneRowInTheLayoutsColumnOrder() {
        TransactionLayout layout = TransactionLayout.INSTANCE;

        assertThat(layout.name()).isEqualTo("spapi_transaction");
        assertThat(layout.naturalKey()).containsExactly("transactionId");
        assertThat(layout.columns())
                .extracting(Column::name)
                .containsExactly(
                        "transactionId",
                        "transactionType",
                        "transactionStatus",
                        "description",
                        "postedDate",
                        "postedDateRaw",
                        "totalAmount",
                        "totalCurrency",
                        "marketplaceId",
                        "marketplaceName",
                        "sellingPartnerId",
                        "accountType",
                        "relatedIdentifiers",
                        "items",
                        "contexts",
                        "breakdowns");
        assertThat(layout.values(SHIPMENT))
                .containsExactly(
                        "T1",
                        "Shipment",
                        "Released",
                        "Order payment",
                        Instant.parse("2026-11-01T18:00:00Z"),
                        "2026-11-01T10:00:00-08:00",
                        new BigDecimal("-1234.50"),
                        "USD",
                        "ATVPDKIKX0DER",
                        "Amazon.com",
                        "A2SELLER",
                        "Standard Orders",
                        "[{\"relatedIdentifierName\":\"ORDER_ID\",\"relatedIdentifierValue\":\"111-1\"}]",
                        "[{\"description\":\"Widget\"}]",
                        "[{\"contextType\":\"ShippingContext\"}]",
                        "[{\"breakdownType\":\"Sales\",\"breakdownAmount\":{\"currencyCode\":\"USD\",\"currencyAmount\":-1234.50}}]");
    }

    @Test
    void withoutMarketplaceDetailsTheSellingPartnersMarketplaceIsTaken() {
        Transaction t = Transaction.of(SpApiJson.read("""
                {"transactionId":"T2","sellingPartnerMetadata":{"marketplaceId":"A1PA6795UKMFR9"}}""", "test"));

        assertThat(t.marketplaceId()).isEqualTo("A1PA6795UKMFR9");
        assertThat(t.marketplaceName()).isNull();
    }

    @Test
    void anAmountSentAsTextIsReadExactly() {
        Transaction t = Transaction.of(SpApiJson.read("""
                {"transactionId":"T3","totalAmount":{"currencyCode":"JPY","currencyAmount":" -500.0 "}}""", "test"));

        assertThat(t.totalAmount()).isEqualTo(new BigDecimal("-500.0"));
        assertThat(t.totalCurrency()).isEqualTo("JPY");
    }

    @Test
    void missingOrBlankValuesAreNullsNotZerosAndAnUnreadableDateKeepsItsText() {
        Transaction t = Transaction.of(SpApiJson.read("""
                {"transactionId":"T4","description":null,"postedDate":"yesterday",
                 "totalAmount":{"currencyCode":"EUR","currencyAmount":" "}}""", "test"));

        assertThat(t.totalAmount()).isNull();
        assertThat(t.totalCurrency()).isEqualTo("EUR");
        assertThat(t.description()).isNull();
        assertThat(t.postedDate()).isNull();
        assertThat(t.postedDateRaw()).isEqualTo("yesterday");
        assertThat(t.breakdowns()).isNull();
        assertThat(TransactionLayout.INSTANCE.values(t))
                .hasSize(TransactionLayout.INSTANCE.columns().size());
    }

    @Test
    void noTotalAtAllIsANullAmountAndCurrency() {
        Transaction t = Transaction.of(SpApiJson.read("{\"transactionId\":\"T5\"}", "test"));

        assertThat(t.totalAmount()).isNull();
        assertThat(t.totalCurrency()).isNull();
        assertThat(t.postedDate()).isNull();
        assertThat(t.postedDateRaw()).isNull();
    }
}
