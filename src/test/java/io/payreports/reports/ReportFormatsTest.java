package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.simulator.SettlementReportGenerator;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Documents are recognised by their first bytes: plain, gzip and zip give the same rows. */
class ReportFormatsTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final ReportFormats FORMATS = new ReportFormats(CAMEL);
    private static final Settlement SETTLEMENT = SettlementReportGenerator.plan(
                    7, Instant.parse("2026-11-01T00:00:00Z"), 90)
            .get(0);

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
    void aZipWithSeveralFilesGivesTheRowsOfEachWithLineNumbersCountingOn() throws IOException {
        byte[] part =
                ("TransactionPostedDate,SettlementId,TransactionType,CurrencyCode,TransactionAmount,TransactionPercentageFee,"
                                + "TransactionFixedFee,TotalTransactionFee,NetTransactionAmount\n"
                                + "2015-05-18T15:48:50Z,1,Adjustments,USD,1.00,0,0,0,1.00\n")
                        .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : List.of("part-1.csv", "__MACOSX/._part-1.csv", ".DS_Store", "part-2.csv")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.startsWith("part") ? part : new byte[] {0, 5, 22, 7});
                out.closeEntry();
            }
        }

        ParsedReport report =
                ParsedReport.parse(CAMEL, ReportModels.SETTLEMENT, bytes.toByteArray(), ReadOptions.DEFAULTS);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .extracting(record -> record.get("lineNumber"))
                .containsExactly(2L, 4L);
    }

    @Test
    void aDocumentOverALimitIsRejectedNamingTheSetting() throws IOException {
        byte[] plain = report();
        assertThatThrownBy(() -> parse(plain, new ReportLimits(1000, 1L << 30, 100, 1 << 20)))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("report R1: the download exceeds payreports.reports.max-download-size (1000 bytes)");
        assertThatThrownBy(() -> parse(gzip(plain), new ReportLimits(1L << 30, 2000, 100, 1 << 20)))
                .as("not FastCSV's 'Exception when reading record that started in line N'")
                .hasMessageStartingWith("report R1: the uncompressed document exceeds "
                        + "payreports.reports.max-uncompressed-size (2000 bytes)")
                .hasCauseInstanceOf(DocumentRejectedException.class);
        assertThatThrownBy(() -> parse(plain, new ReportLimits(1L << 30, 1L << 30, 100, 100)))
                .rootCause()
                .hasMessageStartingWith("report R1: a record after line ")
                .hasMessageEndingWith(" is longer than payreports.reports.max-line-length (100 characters)");
    }

    @Test
    void aZipBombStopsAtTheRatioLimitWithoutInflatingEverything() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            byte[] lines = "a,b\n".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 1024; i++) {
                out.write(lines); // 1 GiB of short lines packs into about 1 MiB
            }
        }

        assertThatThrownBy(() -> {
                    try (DocumentStreams.Parts parts = DocumentStreams.open(
                            new ByteArrayInputStream(bytes.toByteArray()), ReportLimits.DEFAULTS)) {
                        parts.next().transferTo(OutputStream.nullOutputStream());
                    }
                })
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith(
                        "the document inflates more than payreports.reports.max-compression-ratio (200:1) allows");
    }

    private static void parse(byte[] document, ReportLimits limits) throws IOException {
        ParsedReport.parse(
                CAMEL,
                ReportModels.SETTLEMENT,
                document,
                new ReadOptions(StandardCharsets.UTF_8, AmountNotation.AUTO, limits));
    }

    @Test
    void anUnknownReportTypeNamesTheSupportedOnes() {
        assertThatThrownBy(() -> FORMATS.open("_GET_NOTHING_", new ByteArrayInputStream(new byte[0]), "R"))
                .hasMessageStartingWith(
                        "no reader for report type _GET_NOTHING_; supported: [_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_, ")
                .hasMessageContaining("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_]");
    }

    @Test
    void recordsASourceAlreadyHasAreRowsNumberedFromOneAndEveryReportTypeHasItsLayout() throws IOException {
        List<ParsedRow<String>> read = new ArrayList<>();
        try (ReportFormats.Rows<String> rows = ReportFormats.Rows.of(List.of("a", "b", "c\u0000d"), TEXT_LAYOUT)) {
            rows.forEachRemaining(read::add);
        }

        assertThat(read.subList(0, 2)).containsExactly(new ParsedRow.Bound<>(1L, "a"), new ParsedRow.Bound<>(2L, "b"));
        assertThat(read.get(2)).isInstanceOfSatisfying(ParsedRow.Failed.class, failed -> {
            assertThat(failed.lineNumber()).isEqualTo(3L);
            assertThat(failed.reason()).contains("NUL character in value");
        });
        assertThat(FORMATS.layout(ReportModels.SETTLEMENT)).containsSame(ReportModels.settlement());
        assertThat(FORMATS.layout("_GET_NOTHING_")).isEmpty();
    }

    /** One text column holding the record itself. */
    private static final RecordLayout<String> TEXT_LAYOUT = new RecordLayout<>() {
        @Override
        public String name() {
            return "text";
        }

        @Override
        public List<RecordLayout.Column> columns() {
            return List.of(new RecordLayout.Column("value", RecordLayout.ColumnType.TEXT));
        }

        @Override
        public List<String> naturalKey() {
            return List.of("value");
        }

        @Override
        public Object[] values(String record) {
            return new Object[] {record};
        }
    };

    private static long boundRows(byte[] document) throws IOException {
        long bound = 0;
        try (ReportFormats.Rows<?> rows =
                FORMATS.open(ReportModels.SETTLEMENT, new ByteArrayInputStream(document), SETTLEMENT.reportId())) {
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
