package io.payreports.reports;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of an Amazon Pay capture report ({@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_}): the charges
 * created or changed on the report's day (Amazon Pay settlement report guide, "Transaction report details"). The Amazon Pay reports API reference notes the report
 * is not available through API v2 today; MWS serves it.
 * <p>
 * Columns in file order as a merchant's importer of the real MWS file names them (a 2018 public script that
 * reads this report with pandas by position; found through GitHub code search for
 * {@code BillingAddressDistrictOrCounty}). Amazon's guide gives no required flags; id, amount and currency are
 * required here because no capture exists without them. Billing address columns are empty where Amazon has
 * no billing address (outside the US).
 */
@CsvRecord(separator = ",", quote = "\"", quoting = true)
public class CaptureRecord extends ReportRecord {

    @DataField(pos = 1, columnName = "AmazonCaptureId", required = true)
    private String amazonCaptureId;

    @DataField(pos = 2, columnName = "CaptureReferenceId")
    private String captureReferenceId;

    @DataField(pos = 3, columnName = "AmazonAuthorizationId")
    private String amazonAuthorizationId;

    @DataField(pos = 4, columnName = "AmazonOrderReferenceId")
    private String amazonOrderReferenceId;

    @DataField(pos = 5, columnName = "CaptureAmount", required = true)
    @BindyConverter(AmazonAmountFormat.class)
    private BigDecimal captureAmount;

    @DataField(pos = 6, columnName = "CurrencyCode", required = true)
    private String currencyCode;

    @DataField(pos = 7, columnName = "SellerCaptureNote")
    private String sellerCaptureNote;

    @DataField(pos = 8, columnName = "CaptureStatus")
    private String captureStatus;

    @DataField(pos = 9, columnName = "LastUpdateTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant lastUpdateTimestamp;

    @DataField(pos = 10, columnName = "ReasonCode")
    private String reasonCode;

    @DataField(pos = 11, columnName = "CreationTimestamp")
    @BindyConverter(AmazonTimestampFormat.class)
    private Instant creationTimestamp;

    @DataField(pos = 12, columnName = "BuyerName")
    private String buyerName;

    @DataField(pos = 13, columnName = "BuyerEmailAddress")
    private String buyerEmailAddress;

    @DataField(pos = 14, columnName = "BillingAddressLine1")
    private String billingAddressLine1;

    @DataField(pos = 15, columnName = "BillingAddressLine2")
    private String billingAddressLine2;

    @DataField(pos = 16, columnName = "BillingAddressLine3")
    private String billingAddressLine3;

    @DataField(pos = 17, columnName = "BillingAddressCity")
    private String billingAddressCity;

    @DataField(pos = 18, columnName = "BillingAddressDistrictOrCounty")
    private String billingAddressDistrictOrCounty;

    @DataField(pos = 19, columnName = "BillingAddressStateOrRegion")
    private String billingAddressStateOrRegion;

    @DataField(pos = 20, columnName = "BillingAddressPostalCode")
    private String billingAddressPostalCode;

    @DataField(pos = 21, columnName = "BillingAddressCountryCode")
    private String billingAddressCountryCode;

    /** For Bindy, which creates records reflectively. */
    public CaptureRecord() {}
}
