package io.payreports.mws;

import java.time.Instant;

/**
 * A generated MWS report: its ids, type and the period of the data it holds. The Amazon Pay settlement report guide ("Missing or
 * misdated reports") says to go by {@code dataStart}/{@code dataEnd}, not by when Amazon generated it.
 */
public record MwsReport(
        String reportId,
        String reportRequestId,
        String reportType,
        Instant dataStart,
        Instant dataEnd,
        Instant submitted,
        String status) {

    /** {@code _DONE_NO_DATA_}: Amazon found nothing for the period; it is covered, with nothing to fetch. */
    public boolean hasNoData() {
        return "DONE_NO_DATA".equals(status);
    }
}
