package io.payreports.reports;

import java.util.Map;

/**
 * The key/value block some reports carry above their column line, e.g. the settlement report's
 * {@code SellerId, SettlementStartDate, SettlementEndDate} (Amazon Pay settlement report guide, "Report header"). Values are
 * typed as the model declares them (String or UTC Instant); a key the file lacks is absent.
 */
public record ReportHeader(Map<String, Object> values) {

    public static final ReportHeader ABSENT = new ReportHeader(Map.of());

    public ReportHeader {
        values = Map.copyOf(values);
    }

    public Object get(String key) {
        return values.get(key);
    }
}
