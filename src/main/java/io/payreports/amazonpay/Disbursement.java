package io.payreports.amazonpay;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/** A disbursement of the Amazon Pay reports API reference: money paid out to the seller's bank, amount exact with its currency. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Disbursement(
        String sellerId,
        String settlementId,
        String amazonDisbursementReferenceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currencyCode,

        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant transactionTime) {}
