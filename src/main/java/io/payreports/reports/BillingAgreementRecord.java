package io.payreports.reports;

import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of an Amazon Pay billing agreement report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_}):
 * the recurring contracts created or changed in the report's period (Amazon Pay reports API reference, "ReportTypes").
 * <p>
 * Columns INFERRED from the capture report's published layout and the API's {@code BillingAgreementDetails}: see
 * {@link ReportModels} for why, and why only the id is required.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class BillingAgreementRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "AmazonBillingAgreementId", required = true)
    private String amazonBillingAgreementId;

    @DataField(pos = 2, columnName = "SellerBillingAgreementId")
    private String sellerBillingAgreementId;

    @DataField(pos = 3, columnName = "StoreName")
    private String storeName;

    @DataField(pos = 4, columnName = "BillingAgreementStatus")
    private String billingAgreementStatus;

    @DataField(pos = 5, columnName = "LastUpdateTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant lastUpdateTimestamp;

    @DataField(pos = 6, columnName = "ReasonCode")
    private String reasonCode;

    @DataField(pos = 7, columnName = "CreationTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant creationTimestamp;

    /** For Bindy, which creates records reflectively. */
    public BillingAgreementRecord() {}
}
