package io.payreports.simulator;

import io.payreports.amazonpay.Report;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A report the simulator serves: Amazon's metadata and a way to stream its document. */
record SimulatedReport(Report report, Content content) {

    static final String SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";
    /** Amazon creates a settlement report a few hours after the period closes. */
    private static final Duration CREATION_DELAY = Duration.ofHours(3);

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static SimulatedReport generated(SettlementReportGenerator.Settlement settlement, String reportType) {
        return generated(settlement, reportType, Set.of());
    }

    /** With the rows of these breaks in the settlement's data. */
    static SimulatedReport generated(
            SettlementReportGenerator.Settlement settlement, String reportType, Set<SettlementBreak> breaks) {
        Instant created = settlement.end().plus(CREATION_DELAY);
        Report report = new Report(
                settlement.reportId(),
                reportType,
                settlement.start(),
                settlement.end(),
                created,
                Report.ProcessingStatus.COMPLETED,
                created,
                created.plusSeconds(40),
                settlement.reportDocumentId());
        return new SimulatedReport(report, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            SettlementReportGenerator.write(settlement, breaks, writer);
            writer.flush();
        });
    }

    /**
     * A file of the data directory, served byte for byte; its id is the file name without extension.
     * It was created when it was last modified, unless that lies after {@code firstSeen}, the
     * simulator's time when it first listed the file: on a simulator whose clock is set back (tests,
     * demos on a pinned calendar), a file written a moment ago is not a report from the future.
     */
    static SimulatedReport fromFile(Path file, Instant firstSeen) throws IOException {
        String name = file.getFileName().toString();
        String reportId = name.substring(0, name.lastIndexOf('.'));
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        Instant created = modified.isAfter(firstSeen) ? firstSeen : modified;
        Report report = new Report(
                reportId,
                SETTLEMENT,
                created.minus(Duration.ofDays(14)),
                created.minus(CREATION_DELAY),
                created,
                Report.ProcessingStatus.COMPLETED,
                created,
                created,
                "amzn1.tortuga.3.file." + reportId);
        return new SimulatedReport(report, out -> Files.copy(file, out));
    }
}
