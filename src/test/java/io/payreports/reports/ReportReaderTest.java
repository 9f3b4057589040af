package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The settlement report through the generic reader: Amazon's sample and the file quirks around it. */
class ReportReaderTest {

    private static final String COLUMN_LINE = "TransactionPostedDate,SettlementId,AmazonTransactionId,"
            + "SellerReferenceId,TransactionType,AmazonOrderReferenceId,SellerOrderId,StoreName,CurrencyCode,"
            + "TransactionDescription,TransactionAmount,TransactionPercentageFee,TransactionFixedFee,"
            + "TotalTransactionFee,NetTransactionAmount\n";
    private static final String GOOD_ROW = "2015-05-18T15:48:50-0000,1,,,Adjustments,,,,USD,,1.00,0,0,0,1.00\n";

    private static CamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void bindsAnAmazonFileWithHeaderBlockAndQuotedFields() throws IOException {
        try (ReportReader<SettlementRecord> reader = open("amazon-sample.csv")) {
            assertThat(reader.header().values())
                    .isEqualTo(Map.of(
                            "SellerId",
                            "A1XX111XXX111XXX",
                            "SettlementStartDate",
                            Instant.parse("2015-05-18T21:37:01Z"),
                            "SettlementEndDate",
                            Instant.parse("2015-05-21T21:37:03Z")));
            List<SettlementRecord> records = bound(readAll(reader));

            assertThat(records).extracting(SettlementRecord::getLineNumber).containsExactly(5L, 6L, 7L, 9L);
            SettlementRecord capture = records.get(0);
            assertThat(capture.getReportId()).isEqualTo("R1");
            assertThat(capture.getHeader().get("SellerId")).isEqualTo("A1XX111XXX111XXX");
            assertThat(capture.getHeader().get("SettlementStartDate")).isEqualTo(Instant.parse("2015-05-18T21:37:01Z"));
            assertThat(capture.getHeader().get("SettlementEndDate")).isEqualTo(Instant.parse("2015-05-21T21:37:03Z"));
            assertThat(capture.getTransactionPostedDate()).isEqualTo(Instant.parse("2015-05-18T15:48:50Z"));
            assertThat(capture.getRawValue("TransactionPostedDate")).isEqualTo("2015-05-18T15:48:50-0000");
            assertThat(capture.getSettlementId()).isEqualTo("5044561311");
            assertThat(capture.getAmazonTransactionId()).isEqualTo("P01-2400747-7767109-C084595");
            assertThat(capture.getSellerReferenceId()).isEqualTo("OALP12345678");
            assertThat(capture.getTransactionType()).isEqualTo("Capture");
            assertThat(capture.getAmazonOrderReferenceId()).isEqualTo("P12-4323454-0987678");
            assertThat(capture.getSellerOrderId()).isEqualTo("OALP1234");
            assertThat(capture.getStoreName()).isEqualTo("Court and Cherry, Inc.");
            assertThat(capture.getCurrencyCode()).isEqualTo("USD");
            assertThat(capture.getTransactionDescription()).isEqualTo("Charge for Blue Sweater.");
            assertThat(capture.getTransactionAmount()).isEqualTo(new BigDecimal("1000.00"));
            assertThat(capture.getTransactionPercentageFee()).isEqualTo(new BigDecimal("-29.00"));
            assertThat(capture.getTransactionFixedFee()).isEqualTo(new BigDecimal("-0.30"));
            assertThat(capture.getTotalTransactionFee()).isEqualTo(new BigDecimal("-29.30"));
            assertThat(capture.getNetTransactionAmount()).isEqualTo(new BigDecimal("970.70"));

            SettlementRecord refund = records.get(1);
            assertThat(refund.getTransactionPostedDate()).isEqualTo(Instant.parse("2015-05-19T15:10:00Z"));
            assertThat(refund.getRawValue("TransactionPostedDate")).isEqualTo("2015-05-19T08:10:00-0700");
            assertThat(refund.getSellerReferenceId())
                    .as("empty conditional field")
                    .isNull();
            assertThat(refund.getTransactionDescription()).isEqualTo("Customer said \"too small\"");
            assertThat(refund.getTransactionFixedFee()).isEqualTo(new BigDecimal("0"));

            SettlementRecord adjustment = records.get(2);
            assertThat(adjustment.getTransactionDescription()).isEqualTo("Gift note:\nHappy birthday, Anna");
            assertThat(adjustment.getNetTransactionAmount()).isEqualTo(new BigDecimal("2.2"));
            assertThat(adjustment.getAmazonTransactionId()).isNull();
            assertThat(records.get(3).getTransactionType()).isEqualTo("Transfer");
        }
    }

    @Test
    void readsBomCrlfUnquotedFileWithAllTimestampForms() throws IOException {
        try (ReportReader<SettlementRecord> reader = open("bom-crlf-unquoted.csv")) {
            assertThat(reader.header().get("SellerId"))
                    .as("BOM is not part of the first cell")
                    .isEqualTo("A2YY222YYY222YYY");
            List<SettlementRecord> records = bound(readAll(reader));

            assertThat(records).extracting(SettlementRecord::getLineNumber).containsExactly(6L, 7L, 8L, 9L);
            assertThat(records)
                    .extracting(SettlementRecord::getTransactionPostedDate)
                    .containsExactly(
                            Instant.parse("2015-10-01T10:00:00Z"), Instant.parse("2015-10-02T11:00:00Z"),
                            Instant.parse("2015-10-03T19:00:00Z"), Instant.parse("2015-10-04T13:00:00Z"));
            assertThat(records.get(0).getTransactionAmount()).isEqualTo(new BigDecimal("1234.56"));
            assertThat(records.get(3).getTransactionDescription())
                    .as("no CR left over")
                    .isEqualTo("Transfer");
            assertThat(records.get(3).getNetTransactionAmount()).isEqualTo(new BigDecimal("-1097.23"));
        }
    }

    @Test
    void aBadRowBecomesOneFailureNamingLineAndColumnAndTheOthersKeepFlowing() throws IOException {
        try (ReportReader<SettlementRecord> reader = open("malformed-rows.csv")) {
            List<ParsedRow<SettlementRecord>> rows = readAll(reader);

            assertThat(bound(rows)).extracting(SettlementRecord::getLineNumber).containsExactly(5L, 10L);
            assertThat(failures(rows))
                    .extracting(ParsedRow.Failed::message)
                    .containsExactly(
                            "line 6: TransactionAmount: not a number: '12,34,5'",
                            "line 7: expected 15 fields, found 14",
                            "line 8: TransactionPostedDate: not a timestamp: 'yesterday'",
                            "line 9: TransactionType: required value missing");
            assertThat(failures(rows).get(0).rawLine())
                    .isEqualTo("\"2015-05-18T16:00:00-0000\",\"5044561311\","
                            + "\"P01-2400747-7767109-C000002\",\"\",\"Capture\",\"P12-4323454-0987679\",\"\",\"\",\"USD\",\"\","
                            + "\"12,34,5\",\"-0.29\",\"-0.30\",\"-0.59\",\"9.41\"");
        }
    }

    @Test
    void aFileWithoutColumnLineIsOneFailureAndAnEmptyOneHasNoRows() throws IOException {
        try (ReportReader<SettlementRecord> reader = open("no-column-line.csv")) {
            List<ParsedRow<SettlementRecord>> rows = readAll(reader);

            assertThat(rows).hasSize(1);
            assertThat(failures(rows).get(0).message())
                    .startsWith("line 4: no column line naming TransactionPostedDate, SettlementId, ")
                    .endsWith(" in the first 50 lines; is this a amazonpay_settlement report?");
        }
        try (ReportReader<SettlementRecord> reader = read("")) {
            assertThat(readAll(reader)).isEmpty();
        }
        try (ReportReader<SettlementRecord> reader = read("\r\n\n")) {
            assertThat(readAll(reader)).isEmpty();
        }
        try (ReportReader<SettlementRecord> reader = read(COLUMN_LINE)) {
            assertThat(readAll(reader)).as("only a column line").isEmpty();
        }
    }

    @Test
    void columnsAreMatchedByNameSoAnotherOrderStillBinds() throws IOException {
        try (ReportReader<SettlementRecord> reader = open("reordered-columns.csv")) {
            List<ParsedRow<SettlementRecord>> rows = readAll(reader);

            assertThat(failures(rows)).isEmpty();
            SettlementRecord record = bound(rows).get(0);
            assertThat(record.getTransactionAmount()).isEqualByComparingTo("10.00");
            assertThat(record.getNetTransactionAmount()).isEqualByComparingTo("9.41");
        }
    }

    @Test
    void aMissingOptionalColumnIsNullAndAMissingRequiredOneIsNamed() throws IOException {
        try (ReportReader<SettlementRecord> reader =
                read(COLUMN_LINE.replace("StoreName,", "") + GOOD_ROW.replace(",,,,USD", ",,,USD"))) {
            List<ParsedRow<SettlementRecord>> rows = readAll(reader);
            assertThat(failures(rows)).isEmpty();
            assertThat(bound(rows).get(0).getStoreName()).isNull();
        }
        try (ReportReader<SettlementRecord> reader = read(COLUMN_LINE.replace(",TransactionAmount,", ",") + GOOD_ROW)) {
            assertThat(failures(readAll(reader)))
                    .extracting(ParsedRow.Failed::reason)
                    .contains("column line at line 1 lacks required column TransactionAmount");
        }
    }

    @Test
    void anUnterminatedQuoteSwallowsTheRestOfTheFileIntoOneFailedRow() throws IOException {
        try (ReportReader<SettlementRecord> reader = read(COLUMN_LINE + GOOD_ROW
                + "2015-05-18T15:48:50-0000,1,,,Adjustments,,,,USD,\"unterminated,1.00,0,0,0,1.00\n" + GOOD_ROW)) {
            List<ParsedRow<SettlementRecord>> rows = readAll(reader);

            assertThat(bound(rows)).hasSize(1);
            assertThat(failures(rows))
                    .extracting(ParsedRow.Failed::message)
                    .containsExactly("line 3: expected 15 fields, found 10");
        }
    }

    @Test
    void textAfterAClosingQuoteEndsTheFileWithOneFailureAfterTheGoodRows() throws IOException {
        try (ReportReader<SettlementRecord> reader = read(COLUMN_LINE + GOOD_ROW + "\n"
                + "2015-05-18T15:48:50-0000,1,,,Adjustments,,,,USD,\"broken\"quote,1.00,0,0,0,1.00\n" + GOOD_ROW)) {
            List<ParsedRow<SettlementRecord>> rows = readAll(reader);

            assertThat(bound(rows)).hasSize(1);
            assertThat(failures(rows)).singleElement().satisfies(failure -> {
                // FastCSV names the exact line in its message; the row position is the first line after the last good
                // row
                assertThat(failure.lineNumber()).isEqualTo(3);
                assertThat(failure.reason())
                        .startsWith("unreadable CSV from here on: ")
                        .contains("line 4");
            });
        }
    }

    @Test
    void layoutFlattensARecordIntoItsColumns() throws IOException {
        try (ReportReader<SettlementRecord> reader = open("amazon-sample.csv")) {
            SettlementRecord capture = bound(readAll(reader)).get(0);
            ReportModel<SettlementRecord> layout = ReportModels.settlement();
            Object[] values = layout.values(capture);

            assertThat(layout.name()).isEqualTo("amazonpay_settlement");
            assertThat(layout.naturalKey()).containsExactly("reportId", "lineNumber");
            assertThat(values).hasSameSizeAs(layout.columns().toArray());
            assertThat(value(layout, values, "reportId")).isEqualTo("R1");
            assertThat(value(layout, values, "lineNumber")).isEqualTo(5L);
            assertThat(value(layout, values, "settlementEndDate")).isEqualTo(Instant.parse("2015-05-21T21:37:03Z"));
            assertThat(value(layout, values, "netTransactionAmount")).isEqualTo(new BigDecimal("970.70"));
            assertThat(value(layout, values, "transactionPostedDateRaw")).isEqualTo("2015-05-18T15:48:50-0000");
            assertThat(value(layout, values, "extraColumns"))
                    .as("the file has no unknown columns")
                    .isNull();
            for (int i = 0; i < values.length - 1; i++) {
                Class<?> expected = switch (layout.columns().get(i).type()) {
                    case TEXT -> String.class;
                    case DECIMAL -> BigDecimal.class;
                    case TIMESTAMP -> Instant.class;
                    case BIGINT -> Long.class;
                };
                assertThat(values[i]).as(layout.columns().get(i).name()).isInstanceOf(expected);
            }
        }
    }

    private static Object value(ReportModel<?> layout, Object[] values, String column) {
        for (int i = 0; i < values.length; i++) {
            if (layout.columns().get(i).name().equals(column)) {
                return values[i];
            }
        }
        throw new AssertionError("no column " + column);
    }

    private static ReportReader<SettlementRecord> open(String fixture) throws IOException {
        InputStream in = ReportReaderTest.class.getResourceAsStream("/reports/" + fixture);
        assertThat(in).as(fixture).isNotNull();
        return new ReportReader<>(ReportModels.settlement(), in, "R1", 0, ReadOptions.DEFAULTS, camel);
    }

    private static ReportReader<SettlementRecord> read(String text) throws IOException {
        return new ReportReader<>(
                ReportModels.settlement(),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "R1",
                0,
                ReadOptions.DEFAULTS,
                camel);
    }

    private static List<ParsedRow<SettlementRecord>> readAll(ReportReader<SettlementRecord> reader) {
        List<ParsedRow<SettlementRecord>> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    static List<SettlementRecord> bound(List<ParsedRow<SettlementRecord>> rows) {
        return rows.stream()
                .filter(ParsedRow.Bound.class::isInstance)
                .map(row -> ((ParsedRow.Bound<SettlementRecord>) row).record())
                .toList();
    }

    static List<ParsedRow.Failed<SettlementRecord>> failures(List<ParsedRow<SettlementRecord>> rows) {
        return rows.stream()
                .filter(ParsedRow.Failed.class::isInstance)
                .map(row -> (ParsedRow.Failed<SettlementRecord>) row)
                .toList();
    }
}
