package io.payreports.reports;

import io.payreports.simulator.SettlementReportGenerator;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents are recognised by their first bytes: plain, gzip and zip give the same rows. */
class ReportFormatsTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final ReportFormats FORMATS = new ReportFormats(CAMEL);
    private static final Settlement SETTLEMENT = SettlementReportGenerator.plan(7, Instant.parse("2026-11-01T00:00:00Z"), 90).get(0);

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    @Test
    void plainGzipAndZipDocumentsGiveTheSameRows() throws IOException {
        byte[] plain = report();

        assertThat(boundRows(plain)).isEqualTo(SETTLEMENT.rows());
        assertThat(boundRows(gzip(plain))).isEqualTo(SETTLEMENT.rows());
        assertThat(boundRows(zip(plain))).isEqualTo(SETTLEMENT.rows());
    }

    @Test
    void anUnknownReportTypeNamesTheSupportedOnes() {
        assertThatThrownBy(() -> FORMATS.open("_GET_NOTHING_", new ByteArrayInputStream(new byte[0]), "R"))
                .hasMessageStartingWith("no reader for report type _GET_NOTHING_; supported: [_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_, ")
                .hasMessageContaining("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_]");
    }

    private static long boundRows(byte[] document) throws IOException {
        long bound = 0;
        try (ReportFormats.Rows<?> rows = FORMATS.open(ReportModels.SETTLEMENT, new ByteArrayInputStream(document), SETTLEMENT.reportId())) {
            while (rows.hasNext()) {
                if (rows.next() instanceof ParsedRow.Bound<?>) {
                    bound++;
                }
            }
        }
        return bound;
    }

    private static byte[] report() throws IOException {
        StringWriter text = new StringWriter();
        SettlementReportGenerator.write(SETTLEMENT, text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("reports/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("reports/settlement.csv"));
            out.write(plain);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
