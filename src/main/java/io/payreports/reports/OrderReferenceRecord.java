package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of an Amazon Pay order reference report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_}):
 * the orders created, confirmed or changed on the report's day (Amazon Pay settlement report guide, "Transaction report details").
 * <p>
 * Columns INFERRED from the capture report's published layout and the API's {@code OrderReferenceDetails}: see
 * {@link ReportModels} for why, and why only the id is required.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class OrderReferenceRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "AmazonOrderReferenceId", required = true)
    private String amazonOrderReferenceId;

    @DataField(pos = 2, columnName = "SellerOrderId")
    private String sellerOrderId;

    @DataField(pos = 3, columnName = "StoreName")
    private String storeName;

    @DataField(pos = 4, columnName = "OrderTotal")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal orderTotal;

    @DataField(pos = 5, columnName = "CurrencyCode")
    private String currencyCode;

    @DataField(pos = 6, columnName = "SellerNote")
    private String sellerNote;

    @DataField(pos = 7, columnName = "OrderReferenceStatus")
    private String orderReferenceStatus;

    @DataField(pos = 8, columnName = "LastUpdateTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant lastUpdateTimestamp;

    @DataField(pos = 9, columnName = "ReasonCode")
    private String reasonCode;

    @DataField(pos = 10, columnName = "CreationTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant creationTimestamp;

    @DataField(pos = 11, columnName = "ExpirationTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant expirationTimestamp;

    /** For Bindy, which creates records reflectively. */
    public OrderReferenceRecord() {}
}
