package io.payreports.amazonpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/** The Report object of Amazon Pay API v2 (Amazon Pay reports API reference). Times travel in Amazon's basic ISO form. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String reportId,
        String reportType,

        @JsonSerialize(using = AmazonPayJson.InstantSerializer.class)
        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant startTime,

        @JsonSerialize(using = AmazonPayJson.InstantSerializer.class)
        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant endTime,

        @JsonSerialize(using = AmazonPayJson.InstantSerializer.class)
        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant createdTime,

        ProcessingStatus processingStatus,

        @JsonSerialize(using = AmazonPayJson.InstantSerializer.class)
        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant processingStartTime,

        @JsonSerialize(using = AmazonPayJson.InstantSerializer.class)
        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant processingEndTime,

        String reportDocumentId) {

    /** The report processing states of the Amazon Pay reports API reference. */
    public enum ProcessingStatus {
        IN_PROGRESS,
        COMPLETED,
        FAILED,
        CANCELLED
    }
}
