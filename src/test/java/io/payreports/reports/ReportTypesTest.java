package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every transaction report type parses a fixture built from its columns (src/test/resources/reports/types/). */
class ReportTypesTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    @Test
    void everyAmazonPayReportTypeHasAModel() {
        assertThat(ReportModels.reportTypes())
                .containsExactlyInAnyOrder(
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_",
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
                        "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_");
    }

    @Test
    void capture() throws IOException {
        ParsedReport report = type("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_", "capture.csv");

        assertThat(report.records()).hasSize(2);
        assertThat(report.records().get(0))
                .containsEntry("amazonCaptureId", "P01-1234567-1234567-C000001")
                .containsEntry("captureAmount", new BigDecimal("1000.00"))
                .containsEntry("currencyCode", "USD")
                .containsEntry("sellerCaptureNote", "Blue sweater, size M")
                .containsEntry("lastUpdateTimestamp", Instant.parse("2018-07-01T19:00:00Z"))
                .containsEntry("lastUpdateTimestampRaw", "2018-07-01T12:00:00-0700")
                .containsEntry("billingAddressCity", "Seattle")
                .containsEntry("billingAddressLine2", null);
        assertThat(report.records().get(1))
                .containsEntry("captureAmount", new BigDecimal("0"))
                .containsEntry("captureReferenceId", null)
                .containsEntry("reasonCode", "AmazonRejected")
                .containsEntry("lastUpdateTimestamp", Instant.parse("2018-07-01T13:00:00Z"));
    }

    @Test
    void authorizationKeepsTheBuyerColumnItDoesNotModel() throws IOException {
        ParsedReport report = type("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_", "authorization.csv");

        assertThat(report.records()).hasSize(2);
        assertThat(report.records().get(0))
                .containsEntry("authorizationAmount", new BigDecimal("49.90"))
                .containsEntry("expirationTimestamp", Instant.parse("2018-07-31T10:00:00Z"))
                .containsEntry("extraColumns", "{\"BuyerName\":\"Max Mustermann\"}");
        assertThat(report.records().get(1))
                .containsEntry("capturedAmount", null)
                .containsEntry("expirationTimestamp", null);
    }

    @Test
    void refund() throws IOException {
        ParsedReport report = type("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_", "refund.csv");

        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("refundAmount", new BigDecimal("-32.40"))
                        .containsEntry("currencyCode", "GBP")
                        .containsEntry("sellerRefundNote", "Returned \"too small\"")
                        .containsEntry("refundType", "SellerInitiated"));
    }

    @Test
    void orderReferenceWithALineBreakInAQuotedField() throws IOException {
        ParsedReport report = type("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_", "order-reference.csv");

        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("storeName", "Court and Cherry, Inc.")
                        .containsEntry("orderTotal", new BigDecimal("1000.00"))
                        .containsEntry("sellerNote", "gift\nwrapped")
                        .containsEntry("orderReferenceStatus", "Closed")
                        .containsEntry(
                                "extraColumns", "{\"BuyerName\":\"Jane Doe\",\"ShippingAddressCity\":\"Seattle\"}"));
    }

    @Test
    void billingAgreement() throws IOException {
        ParsedReport report = type("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_", "billing-agreement.csv");

        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("amazonBillingAgreementId", "C01-1234567-1234567")
                        .containsEntry("billingAgreementStatus", "Open")
                        .containsEntry("creationTimestamp", Instant.parse("2018-07-01T18:59:00Z")));
    }

    @Test
    void multiCurrencyKeepsLedgerAndPresentmentAmountsWithTheirCurrencies() throws IOException {
        ParsedReport report =
                type("_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_", "multi-currency.csv");

        assertThat(report.records()).hasSize(2);
        assertThat(report.records().get(0))
                .containsEntry("transactionAmount", new BigDecimal("85.47"))
                .containsEntry("transactionCurrencyCode", "EUR")
                .containsEntry("presentmentAmount", new BigDecimal("100.00"))
                .containsEntry("presentmentCurrencyCode", "USD")
                .containsEntry("conversionRate", new BigDecimal("0.854700"));
    }

    @Test
    void aMissingRequiredIdColumnIsNamed() throws IOException {
        byte[] withoutId = "CaptureReferenceId,CaptureAmount,CurrencyCode,CaptureStatus\nx,1.00,USD,Completed\n"
                .getBytes(StandardCharsets.UTF_8);
        ParsedReport report = ParsedReport.parse(
                CAMEL, "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_", withoutId, ReadOptions.DEFAULTS);

        assertThat(report.records()).isEmpty();
        assertThat(report.failures())
                .extracting(ParsedRow.Failed::message)
                .containsExactly(
                        "line 1: column line at line 1 lacks required column AmazonCaptureId",
                        "line 2: not bound: column line at line 1 lacks required column AmazonCaptureId");
    }

    private static ParsedReport type(String reportType, String fixture) throws IOException {
        ParsedReport report = ParsedReport.fixture(CAMEL, reportType, "types/" + fixture, ReadOptions.DEFAULTS);
        assertThat(report.failures()).as(fixture).isEmpty();
        return report;
    }
}
