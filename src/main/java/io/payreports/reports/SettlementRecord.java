package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One body row of an Amazon Pay settlement report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_}),
 * columns and required flags as in seed 003, "Report body". The header fields of the report (seller,
 * settlement period) and where the row came from (report id, line) are not CSV columns; the reader
 * sets them so that every record stands on its own in a sink.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class SettlementRecord {

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

    /** As written in the file: the Instant above drops the offset Amazon wrote (seed 003 shows -0000 and -0700). */
    private String transactionPostedDateRaw;

    private String reportId;
    private long lineNumber;
    private String sellerId;
    private Instant settlementStartDate;
    private Instant settlementEndDate;

    /** For Bindy, which creates records reflectively. */
    public SettlementRecord() {
    }

    /** Stamps the record with its origin and the report header values, which the CSV row does not carry. */
    void locate(String reportId, long lineNumber, String postedDateRaw, SettlementReportHeader header) {
        this.reportId = reportId;
        this.lineNumber = lineNumber;
        this.transactionPostedDateRaw = postedDateRaw;
        this.sellerId = header.sellerId();
        this.settlementStartDate = header.settlementStartDate();
        this.settlementEndDate = header.settlementEndDate();
    }

    public Instant getTransactionPostedDate() {
        return transactionPostedDate;
    }

    public String getTransactionPostedDateRaw() {
        return transactionPostedDateRaw;
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

    public String getReportId() {
        return reportId;
    }

    /** 1-based physical line of the file where this record starts (a quoted field may span lines). */
    public long getLineNumber() {
        return lineNumber;
    }

    public String getSellerId() {
        return sellerId;
    }

    public Instant getSettlementStartDate() {
        return settlementStartDate;
    }

    public Instant getSettlementEndDate() {
        return settlementEndDate;
    }

    @Override
    public String toString() {
        return "SettlementRecord[report " + reportId + " line " + lineNumber + ": " + transactionType + ' '
                + transactionAmount + ' ' + currencyCode + ", net " + netTransactionAmount + ']';
    }
}
