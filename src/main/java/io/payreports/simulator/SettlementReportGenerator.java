package io.payreports.simulator;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** Deterministic, realistic settlement report files. (stub: signature fixed, body to be written) */
public final class SettlementReportGenerator {

    private SettlementReportGenerator() {
    }

    /** One settlement period the simulator serves as a report. */
    public record Settlement(String reportId, String reportDocumentId, String settlementId, String sellerId,
                             String currency, Instant start, Instant end, long seed, int rows) {
    }

    /** The settlements of the {@code days} days before {@code now}, the same for the same seed and now's day. */
    public static List<Settlement> plan(long seed, Instant now, int days) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Writes the report file of one settlement in Amazon's flat-file format (seed 003). */
    public static void write(Settlement settlement, Writer out) throws IOException {
        throw new UnsupportedOperationException("not written yet");
    }
}
