package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of an Amazon Pay multi-currency payments report
 * ({@code _GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_}): per transaction the amount in the
 * merchant's ledger currency, the amount the buyer was shown (presentment) and the conversion rate applied
 * (Amazon Pay reports API reference, "ReportTypes"). Only created on request, never scheduled.
 * <p>
 * No published source names this report's columns; the names below are INFERRED from the reference's description
 * and the {@code ConvertedAmount}/{@code ConversionRate} fields of Amazon's capture and refund objects. Nothing
 * is required, every column is matched by name, and any column named otherwise is kept in
 * {@link ReportRecord#getExtraColumns()}: a real file loses nothing even where these guesses are wrong.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class MultiCurrencyPaymentRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "AmazonOrderReferenceId")
    private String amazonOrderReferenceId;

    @DataField(pos = 2, columnName = "AmazonTransactionId")
    private String amazonTransactionId;

    @DataField(pos = 3, columnName = "TransactionType")
    private String transactionType;

    @DataField(pos = 4, columnName = "TransactionDate")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant transactionDate;

    @DataField(pos = 5, columnName = "TransactionAmount")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal transactionAmount;

    @DataField(pos = 6, columnName = "TransactionCurrencyCode")
    private String transactionCurrencyCode;

    @DataField(pos = 7, columnName = "PresentmentAmount")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal presentmentAmount;

    @DataField(pos = 8, columnName = "PresentmentCurrencyCode")
    private String presentmentCurrencyCode;

    @DataField(pos = 9, columnName = "ConversionRate")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal conversionRate;

    /** For Bindy, which creates records reflectively. */
    public MultiCurrencyPaymentRecord() {}
}
