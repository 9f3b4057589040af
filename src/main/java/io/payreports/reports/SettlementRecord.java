package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One body row of an Amazon Pay settlement report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_}),
 * columns and required flags as in the Amazon Pay settlement report guide, "Report body". The header fields of the report (seller,
 * settlement period) and where the row came from (report id, line) are not CSV columns; the reader
 * sets them (see {@link ReportRecord}) so that every record stands on its own in a sink.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class SettlementRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "TransactionPostedDate", required = true)
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant transactionPostedDate;

    @DataField(pos = 2, columnName = "SettlementId", required = true)
    private String settlementId;

    @DataField(pos = 3, columnName = "AmazonTransactionId")
    private String amazonTransactionId;

    @DataField(pos = 4, columnName = "SellerReferenceId")
    private String sellerReferenceId;

    @DataField(pos = 5, columnName = "TransactionType", required = true)
    private String transactionType;

    @DataField(pos = 6, columnName = "AmazonOrderReferenceId")
    private String amazonOrderReferenceId;

    @DataField(pos = 7, columnName = "SellerOrderId")
    private String sellerOrderId;

    @DataField(pos = 8, columnName = "StoreName")
    private String storeName;

    @DataField(pos = 9, columnName = "CurrencyCode", required = true)
    private String currencyCode;

    @DataField(pos = 10, columnName = "TransactionDescription")
    private String transactionDescription;

    @DataField(pos = 11, columnName = "TransactionAmount", required = true)
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal transactionAmount;

    @DataField(pos = 12, columnName = "TransactionPercentageFee", required = true)
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal transactionPercentageFee;

    @DataField(pos = 13, columnName = "TransactionFixedFee", required = true)
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal transactionFixedFee;

    @DataField(pos = 14, columnName = "TotalTransactionFee", required = true)
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal totalTransactionFee;

    @DataField(pos = 15, columnName = "NetTransactionAmount", required = true)
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal netTransactionAmount;

    /** For Bindy, which creates records reflectively. */
    public SettlementRecord() {}

    public Instant getTransactionPostedDate() {
        return transactionPostedDate;
    }

    public String getSettlementId() {
        return settlementId;
    }

    public String getAmazonTransactionId() {
        return amazonTransactionId;
    }

    public String getSellerReferenceId() {
        return sellerReferenceId;
    }

    public String getTransactionType() {
        return transactionType;
    }

    public String getAmazonOrderReferenceId() {
        return amazonOrderReferenceId;
    }

    public String getSellerOrderId() {
        return sellerOrderId;
    }

    public String getStoreName() {
        return storeName;
    }

    public String getCurrencyCode() {
        return currencyCode;
    }

    public String getTransactionDescription() {
        return transactionDescription;
    }

    public BigDecimal getTransactionAmount() {
        return transactionAmount;
    }

    public BigDecimal getTransactionPercentageFee() {
        return transactionPercentageFee;
    }

    public BigDecimal getTransactionFixedFee() {
        return transactionFixedFee;
    }

    public BigDecimal getTotalTransactionFee() {
        return totalTransactionFee;
    }

    public BigDecimal getNetTransactionAmount() {
        return netTransactionAmount;
    }

    @Override
    public String toString() {
        return "SettlementRecord[report " + getReportId() + " line " + getLineNumber() + ": " + transactionType + ' '
                + transactionAmount + ' ' + currencyCode + ", net " + netTransactionAmount + ']';
    }
}
