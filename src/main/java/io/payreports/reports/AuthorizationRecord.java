package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of an Amazon Pay authorization report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_}):
 * the payment authorizations created or changed on the report's day (Amazon Pay reports API reference, "ReportTypes").
 * <p>
 * Columns INFERRED from the capture report's published layout and the API's {@code AuthorizationDetails}: see
 * {@link ReportModels} for why, and why only the id is required.
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class AuthorizationRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "AmazonAuthorizationId", required = true)
    private String amazonAuthorizationId;

    @DataField(pos = 2, columnName = "AuthorizationReferenceId")
    private String authorizationReferenceId;

    @DataField(pos = 3, columnName = "AmazonOrderReferenceId")
    private String amazonOrderReferenceId;

    @DataField(pos = 4, columnName = "AuthorizationAmount")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal authorizationAmount;

    @DataField(pos = 5, columnName = "CurrencyCode")
    private String currencyCode;

    @DataField(pos = 6, columnName = "SellerAuthorizationNote")
    private String sellerAuthorizationNote;

    @DataField(pos = 7, columnName = "AuthorizationStatus")
    private String authorizationStatus;

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

    @DataField(pos = 12, columnName = "CapturedAmount")
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal capturedAmount;

    /** For Bindy, which creates records reflectively. */
    public AuthorizationRecord() {}
}
