package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The settlement report's edges as the sinks see them: which rows bind, which fail with what message, at which line. */
class ReportReaderEdgesTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    private static final String COLUMNS =
            "TransactionPostedDate,SettlementId,AmazonTransactionId,SellerReferenceId,TransactionType,"
                    + "AmazonOrderReferenceId,SellerOrderId,StoreName,CurrencyCode,TransactionDescription,TransactionAmount,"
                    + "TransactionPercentageFee,TransactionFixedFee,TotalTransactionFee,NetTransactionAmount\n";
    private static final String ROW =
            "2015-05-18T15:48:50-0700,5044561311,P01-1,,Capture,P12-1,,,EUR,,-1000.50,-29.00,-0.30,-29.30,-1029.80\n";

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    @Test
    void aRowBindsEveryColumnExactlyWithItsLineReportAndRawTimestamp() throws IOException {
        ParsedReport report = parse("\n" + COLUMNS + "\n" + ROW);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("reportId", "R1")
                        .containsEntry("lineNumber", 4L)
                        .containsEntry("sellerId", null)
                        .containsEntry("transactionPostedDate", Instant.parse("2015-05-18T22:48:50Z"))
                        .containsEntry("transactionPostedDateRaw", "2015-05-18T15:48:50-0700")
                        .containsEntry("settlementId", "5044561311")
                        .containsEntry("sellerReferenceId", null)
                        .containsEntry("currencyCode", "EUR")
                        .containsEntry("transactionAmount", new BigDecimal("-1000.50"))
                        .containsEntry("transactionPercentageFee", new BigDecimal("-29.00"))
                        .containsEntry("transactionFixedFee", new BigDecimal("-0.30"))
                        .containsEntry("totalTransactionFee", new BigDecimal("-29.30"))
                        .containsEntry("netTransactionAmount", new BigDecimal("-1029.80"))
                        .containsEntry("extraColumns", null));
    }

    @Test
    void headerKeysWithColonsOnOneLineOrInOneCellAndABadHeaderValueIsAFailureOfItsOwnLine() throws IOException {
        ParsedReport report = parse("Settlement report\n"
                + "SellerId:,SettlementStartDate:\n"
                + "A1XX,2015-05-18T21:37:01Z\n"
                + "SettlementEndDate: soon\n"
                + COLUMNS + ROW);

        assertThat(report.failures())
                .extracting(ParsedRow.Failed::message)
                .containsExactly("line 4: SettlementEndDate: not a timestamp: 'soon'");
        assertThat(report.failures().get(0).rawLine()).isEqualTo("\"SettlementEndDate: soon\"");
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("lineNumber", 6L)
                        .containsEntry("sellerId", "A1XX")
                        .containsEntry("settlementStartDate", Instant.parse("2015-05-18T21:37:01Z"))
                        .containsEntry("settlementEndDate", null));
    }

    @Test
    void aRowWithMoreFilledFieldsThanColumnsIsRejectedButTrailingEmptyOnesAreNot() throws IOException {
        ParsedReport report = parse(
                COLUMNS + ROW.replace("\n", ",,\n") + ROW.replace("\n", ",x\n") + ROW.replace(",-1029.80\n", "\n"));

        assertThat(report.records())
                .extracting(record -> record.get("lineNumber"))
                .containsExactly(2L);
        assertThat(report.failures())
                .extracting(ParsedRow.Failed::message)
                .containsExactly("line 3: expected 15 fields, found 16", "line 4: expected 15 fields, found 14");
    }

    @Test
    void columnsMissingFromTheColumnLineAreNamedOnItAndOnEveryRow() throws IOException {
        ParsedReport report =
                parse("Title\n" + COLUMNS.replace("CurrencyCode,", "").replace(",TransactionAmount,", ",")
                        + ROW.replace("EUR,", "").replace(",-1000.50,", ",")
                        + ROW.replace("EUR,", "").replace(",-1000.50,", ","));

        assertThat(report.records()).isEmpty();
        assertThat(report.failures())
                .extracting(ParsedRow.Failed::message)
                .containsExactly(
                        "line 2: column line at line 2 lacks required columns CurrencyCode, TransactionAmount",
                        "line 3: not bound: column line at line 2 lacks required columns CurrencyCode, TransactionAmount",
                        "line 4: not bound: column line at line 2 lacks required columns CurrencyCode, TransactionAmount");
    }

    @Test
    void theColumnLineMayFollowFiftyOtherLinesButNotFiftyOne() throws IOException {
        assertThat(parse("title\n".repeat(ReportReader.MAX_PREAMBLE_RECORDS - 1) + COLUMNS + ROW)
                        .records())
                .hasSize(1);

        ParsedReport tooLate = parse("title\n".repeat(ReportReader.MAX_PREAMBLE_RECORDS) + COLUMNS + ROW);
        assertThat(tooLate.records()).isEmpty();
        assertThat(tooLate.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.lineNumber()).isEqualTo(1);
            assertThat(failure.rawLine()).isEqualTo("\"title\"");
            assertThat(failure.reason())
                    .isEqualTo("no column line naming " + COLUMNS.strip().replace(",", ", ")
                            + " in the first 50 lines; is this a amazonpay_settlement report?");
        });
    }

    @Test
    void amountsAreReadInTheJobsNotationAndABadOneNamesItsColumn() throws IOException {
        String commaRow = ROW.replace(
                ",-1000.50,-29.00,-0.30,-29.30,-1029.80", ",\"1.000,50\",\"-29,00\",\"-0,30\",\"-29,30\",\"971,20\"");
        ReadOptions decimalComma =
                new ReadOptions(StandardCharsets.UTF_8, AmountNotation.DECIMAL_COMMA, ReportLimits.DEFAULTS);

        ParsedReport report =
                ParsedReport.parse(CAMEL, ReportModels.SETTLEMENT, bytes(COLUMNS + commaRow + ROW), decimalComma);

        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("transactionAmount", new BigDecimal("1000.50"))
                        .containsEntry("netTransactionAmount", new BigDecimal("971.20")));
        assertThat(report.failures())
                .extracting(ParsedRow.Failed::message)
                .containsExactly("line 3: TransactionAmount: not a number: '-1000.50'");
    }

    @Test
    void theColumnLineIsTheFirstLineNamingThreeOfTheModelsColumns() throws IOException {
        ParsedReport twoNamed = parse("CurrencyCode,TransactionAmount\n" + COLUMNS + ROW);
        assertThat(twoNamed.failures()).as("a title line").isEmpty();
        assertThat(twoNamed.records())
                .extracting(record -> record.get("lineNumber"))
                .containsExactly(3L);

        ParsedReport threeNamed = parse("CurrencyCode,TransactionAmount,SettlementId\n" + COLUMNS + ROW);
        assertThat(threeNamed.records()).isEmpty();
        assertThat(threeNamed.failures().get(0).message())
                .startsWith(
                        "line 1: column line at line 1 lacks required columns TransactionPostedDate, TransactionType, ");
    }

    @Test
    void aHeaderBlockWithoutColumnLineIsOneFailureAtItsLastLine() throws IOException {
        assertThat(parse("SellerId,SettlementStartDate\nA1XX,2015-05-18T21:37:01Z\n")
                        .failures())
                .singleElement()
                .satisfies(failure -> {
                    assertThat(failure.lineNumber()).isEqualTo(2);
                    assertThat(failure.reason()).startsWith("no column line naming TransactionPostedDate, ");
                    assertThat(failure.rawLine()).isEmpty();
                });
        assertThat(parse("\nSellerId,SettlementStartDate\n").failures())
                .as("the names of a header block on the last line")
                .extracting(ParsedRow.Failed::lineNumber)
                .containsExactly(2L);
    }

    @Test
    void anEmptyHeaderValueIsAbsentNotAFailure() throws IOException {
        ParsedReport report = parse("SellerId,SettlementStartDate,SettlementEndDate\nA1XX,,\n" + COLUMNS + ROW);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("sellerId", "A1XX")
                        .containsEntry("settlementStartDate", null)
                        .containsEntry("settlementEndDate", null));
    }

    @Test
    void aKeyValueLineNeedsAKnownKeyElseItIsATitleLine() throws IOException {
        ParsedReport report = parse("Settlement report\nGenerated: today\nSellerId:A1XX\n"
                + "SettlementStartDate,2015-05-18T21:37:01Z\n" + COLUMNS + ROW);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("lineNumber", 6L)
                        .containsEntry("sellerId", "A1XX")
                        .containsEntry("settlementStartDate", Instant.parse("2015-05-18T21:37:01Z")));
    }

    @Test
    void withoutColumnLineTheFailureQuotesTheFirstTitleLineNotAKeyValueLine() throws IOException {
        assertThat(parse("first\nsecond\n").failures()).singleElement().satisfies(failure -> {
            assertThat(failure.lineNumber()).isEqualTo(1);
            assertThat(failure.rawLine()).isEqualTo("\"first\"");
        });
        assertThat(parse("SellerId: A1XX\ntitle\n").failures()).singleElement().satisfies(failure -> {
            assertThat(failure.lineNumber()).isEqualTo(2);
            assertThat(failure.rawLine()).isEqualTo("\"title\"");
        });
    }

    @Test
    void aHeaderBlockMayHaveATrailingSeparatorAndMoreOrFewerValuesThanNames() throws IOException {
        ParsedReport trailing =
                parse("SellerId,SettlementStartDate,\nA1XX,2015-05-18T21:37:01Z,not a header value\n" + COLUMNS + ROW);
        ParsedReport fewerValues =
                parse("SellerId,SettlementStartDate,SettlementEndDate\nA1XX,2015-05-18T21:37:01Z\n" + COLUMNS + ROW);
        ParsedReport moreValues =
                parse("SellerId,SettlementStartDate\nA1XX,2015-05-18T21:37:01Z,2015-05-21T21:37:03Z\n" + COLUMNS + ROW);

        for (ParsedReport report : List.of(trailing, fewerValues, moreValues)) {
            assertThat(report.failures()).isEmpty();
            assertThat(report.records())
                    .singleElement()
                    .satisfies(record -> assertThat(record)
                            .containsEntry("lineNumber", 4L)
                            .containsEntry("sellerId", "A1XX")
                            .containsEntry("settlementStartDate", Instant.parse("2015-05-18T21:37:01Z"))
                            .containsEntry("settlementEndDate", null));
        }
    }

    @Test
    void rowsOfOnlyEmptyOrBlankFieldsAreSkippedLikeBlankLines() throws IOException {
        ParsedReport report = parse(COLUMNS + ",,,\n" + ROW + " , \t\n");

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .extracting(record -> record.get("lineNumber"))
                .containsExactly(3L);
    }

    @Test
    void aColumnWithoutNameIsNeitherBoundNorKeptAsAnUnknownColumn() throws IOException {
        ParsedReport report = parse("," + COLUMNS + "," + ROW);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("transactionPostedDate", Instant.parse("2015-05-18T22:48:50Z"))
                        .containsEntry("netTransactionAmount", new BigDecimal("-1029.80"))
                        .containsEntry("extraColumns", null));
    }

    @Test
    void anAbsentOrEmptyOptionalTimestampHasNoRawText() throws IOException {
        ParsedReport report = ParsedReport.parse(
                CAMEL,
                "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_",
                bytes("AmazonCaptureId,CaptureAmount,CurrencyCode,LastUpdateTimestamp\nC1,1.00,EUR,\n"),
                ReadOptions.DEFAULTS);

        assertThat(report.failures()).isEmpty();
        assertThat(report.records())
                .singleElement()
                .satisfies(record -> assertThat(record)
                        .containsEntry("captureAmount", new BigDecimal("1.00"))
                        .containsEntry("lastUpdateTimestamp", null)
                        .containsEntry("lastUpdateTimestampRaw", null)
                        .containsEntry("creationTimestamp", null)
                        .containsEntry("creationTimestampRaw", null));
    }

    @Test
    void aLaterPartCountsItsLinesOnFromTheOffsetAndClosingTheReaderClosesThePart() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream part = new ByteArrayInputStream(bytes(COLUMNS + ROW)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        ReportReader<SettlementRecord> reader =
                new ReportReader<>(ReportModels.settlement(), part, "R1", 1000, ReadOptions.DEFAULTS, CAMEL);

        ParsedRow<SettlementRecord> row = reader.next();
        assertThat(row.lineNumber()).isEqualTo(1002);
        assertThat(((ParsedRow.Bound<SettlementRecord>) row).record().getLineNumber())
                .isEqualTo(1002);
        assertThat(reader.hasNext()).isFalse();
        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        assertThat(reader.lastLineNumber()).isEqualTo(1002);

        reader.close();
        assertThat(closed).isTrue();
    }

    @Test
    void anIoErrorInTheBodyIsThrownAsItIs() {
        // past the 64 KiB read ahead for the separator, so that the error comes while rows are read
        InputStream broken = new SequenceInputStream(
                new ByteArrayInputStream(bytes(COLUMNS + ROW + "\n".repeat(70_000))), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });

        assertThatThrownBy(() -> ParsedReport.parse(CAMEL, ReportModels.SETTLEMENT, broken, ReadOptions.DEFAULTS))
                .isInstanceOf(UncheckedIOException.class)
                .rootCause()
                .hasMessage("connection reset");
    }

    @Test
    void aRecordLongerThanTheLimitRejectsTheDocumentNamingTheLineBeforeIt() {
        ReadOptions shortLines = new ReadOptions(
                StandardCharsets.UTF_8, AmountNotation.AUTO, new ReportLimits(1L << 20, 1L << 20, 200, 300));

        assertThatThrownBy(() -> ParsedReport.parse(
                        CAMEL,
                        ReportModels.SETTLEMENT,
                        bytes(COLUMNS + ROW + ROW.replace("Capture", "x".repeat(400))),
                        shortLines))
                .isInstanceOf(UncheckedIOException.class)
                .cause()
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage(
                        "report R1: a record after line 2 is longer than payreports.reports.max-line-length (300 characters)");
    }

    @Test
    void utf16WithAByteOrderMarkIsReadWhateverTheJobsCharset() throws IOException {
        for (var charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] document = ("\uFEFF" + COLUMNS.replace(',', '\t')
                            + ROW.replace(',', '\t').replace("Capture", "Größe"))
                    .getBytes(charset);

            ParsedReport report = ParsedReport.parse(CAMEL, ReportModels.SETTLEMENT, document, ReadOptions.DEFAULTS);

            assertThat(report.failures()).as(charset.name()).isEmpty();
            assertThat(report.records())
                    .singleElement()
                    .satisfies(record -> assertThat(record)
                            .containsEntry("transactionType", "Größe")
                            .containsEntry("netTransactionAmount", new BigDecimal("-1029.80")));
        }
    }

    @Test
    void textThatStopsBeingUtf8AfterTheFirstLinesNamesTheLastLineReadBeforeIt() {
        // blank lines push the bad byte past what is read ahead to find the separator
        byte[] document = bytes(COLUMNS + ROW + "\n".repeat(70_000) + ROW.replace("Capture", "Caf\u00e9"));
        int e = indexOf(document, (byte) 0xC3);
        document[e] = (byte) 0xE9; // windows-1252 é, not UTF-8
        document[e + 1] = ' ';

        assertThatThrownBy(() -> ParsedReport.parse(CAMEL, ReportModels.SETTLEMENT, document, ReadOptions.DEFAULTS))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("report R1 is not UTF-8 text after line ")
                .hasMessageEndingWith("; set the job's charset (e.g. windows-1252, ISO-8859-1, Shift_JIS)");
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("no byte " + wanted);
    }

    private static ParsedReport parse(String text) throws IOException {
        return ParsedReport.parse(CAMEL, ReportModels.SETTLEMENT, bytes(text), ReadOptions.DEFAULTS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
