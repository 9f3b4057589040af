package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of an Amazon Pay refund report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_}): the refunds
 * created or changed on the report's day (Amazon Pay reports API reference, "ReportTypes").
 * <p>
 * Columns INFERRED from the capture report's published layout and the API's {@code RefundDetails}: see
 * {@link ReportModels} for why, and why only the id is required.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class RefundRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "AmazonRefundId", required = true)
    private String amazonRefundId;

    @DataField(pos = 2, columnName = "RefundReferenceId")
    private String refundReferenceId;

    @DataField(pos = 3, columnName = "AmazonCaptureId")
    private String amazonCaptureId;

    @DataField(pos = 4, columnName = "AmazonOrderReferenceId")
    private String amazonOrderReferenceId;

    @DataField(pos = 5, columnName = "RefundAmount")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal refundAmount;

    @DataField(pos = 6, columnName = "CurrencyCode")
    private String currencyCode;

    @DataField(pos = 7, columnName = "SellerRefundNote")
    private String sellerRefundNote;

    @DataField(pos = 8, columnName = "RefundStatus")
    private String refundStatus;

    @DataField(pos = 9, columnName = "LastUpdateTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant lastUpdateTimestamp;

    @DataField(pos = 10, columnName = "ReasonCode")
    private String reasonCode;

    @DataField(pos = 11, columnName = "CreationTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant creationTimestamp;

    @DataField(pos = 12, columnName = "RefundType")
    private String refundType;

    /** For Bindy, which creates records reflectively. */
    public RefundRecord() {}
}
