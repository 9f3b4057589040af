package io.payreports.amazonpay;

import java.time.Instant;
import java.util.List;

/** Filters of getReports (Amazon Pay reports API reference). Null or empty means "not sent", so Amazon's defaults apply. */
public record ReportQuery(
        List<String> reportTypes,
        List<Report.ProcessingStatus> processingStatuses,
        Instant createdSince,
        Instant createdUntil,
        Integer pageSize) {

    public ReportQuery {
        if (pageSize != null && (pageSize < 1 || pageSize > 100)) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100, not " + pageSize);
        }
        reportTypes = reportTypes == null ? List.of() : List.copyOf(reportTypes);
        processingStatuses = processingStatuses == null ? List.of() : List.copyOf(processingStatuses);
    }
}
