package io.payreports.reports;

import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;

import io.payreports.reports.ReportModel.HeaderField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flat-file report types payreports reads, by Amazon's report type name (Amazon Pay reports API reference, "ReportTypes").
 * <p>
 * <b>Transaction report columns.</b> Amazon publishes the settlement report's columns (Amazon Pay settlement report guide) but not those
 * of the transaction reports: its guide lists the four of them without columns, and
 * developer.amazon.com/docs/amazon-pay-reports/transaction-reports.html has no table. The capture report's
 * columns are known from a merchant's importer of the real file ({@link CaptureRecord}). The order reference,
 * billing agreement, authorization and refund models are INFERRED: the capture layout's pattern (own id,
 * merchant reference, parent ids, amount, currency, note, status, last update, reason, creation) applied to the
 * fields of the API object each report lists. So only the object id is required and columns are matched by
 * name; a column a real file names otherwise is kept in {@link ReportRecord#getExtraColumns()}, not dropped, as
 * are the buyer and address columns these reports carry.
 */
public final class ReportModels {

    public static final String SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";
    public static final String SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";

    private static final ReportModel<SettlementRecord> SETTLEMENT_MODEL = new ReportModel<>(
            "amazonpay_settlement",
            SettlementRecord.class,
            List.of(
                    new HeaderField("SellerId", TEXT),
                    new HeaderField("SettlementStartDate", TIMESTAMP),
                    new HeaderField("SettlementEndDate", TIMESTAMP)));

    /** The sandbox settlement report has the live one's layout (Amazon Pay reports API reference and download guide): sandbox jobs parse alike. */
    private static final Map<String, ReportModel<?>> MODELS = Map.of(
            SETTLEMENT,
            SETTLEMENT_MODEL,
            SANDBOX_SETTLEMENT,
            SETTLEMENT_MODEL,
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
            new ReportModel<>("amazonpay_order_reference", OrderReferenceRecord.class, List.of()),
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
            new ReportModel<>("amazonpay_billing_agreement", BillingAgreementRecord.class, List.of()),
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
            new ReportModel<>("amazonpay_authorization", AuthorizationRecord.class, List.of()),
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_",
            new ReportModel<>("amazonpay_capture", CaptureRecord.class, List.of()),
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
            new ReportModel<>("amazonpay_refund", RefundRecord.class, List.of()),
            "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_",
            new ReportModel<>("amazonpay_multi_currency_payments", MultiCurrencyPaymentRecord.class, List.of()));

    private ReportModels() {}

    public static Set<String> reportTypes() {
        return new TreeSet<>(MODELS.keySet());
    }

    public static Optional<ReportModel<?>> model(String reportType) {
        return Optional.ofNullable(MODELS.get(reportType));
    }

    /** The settlement model, for code that handles settlement records as such (the simulator's generator). */
    public static ReportModel<SettlementRecord> settlement() {
        return SETTLEMENT_MODEL;
    }
}
