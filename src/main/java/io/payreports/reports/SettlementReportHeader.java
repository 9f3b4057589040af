package io.payreports.reports;

import java.time.Instant;

/**
 * The block above the column line of a settlement report (seed 003, "Report header"). Values are null
 * when a file lacks the block.
 */
public record SettlementReportHeader(String sellerId, Instant settlementStartDate, Instant settlementEndDate) {

    static final SettlementReportHeader ABSENT = new SettlementReportHeader(null, null, null);
}
