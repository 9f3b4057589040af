package io.payreports.amazonpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Set;

/** The Report Schedule object of the Amazon Pay reports API reference; {@code scheduleFrequency} is an ISO-8601 period such as P1D or PT12H. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportSchedule(
        String reportScheduleId,
        String reportType,
        String scheduleFrequency,

        @JsonSerialize(using = AmazonPayJson.InstantSerializer.class)
        @JsonDeserialize(using = AmazonPayJson.InstantDeserializer.class)
        Instant nextReportCreationTime) {

    /** The ScheduleFrequency values Amazon accepts (Amazon Pay reports API reference). */
    public static final Set<String> FREQUENCIES = Set.of(
            "PT5M", "PT15M", "PT30M", "PT1H", "PT2H", "PT4H", "PT8H", "PT12H", "PT84H", "P1D", "P2D", "P3D", "P7D",
            "P14D", "P15D", "P18D", "P30D");
}
