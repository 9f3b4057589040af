package io.payreports.reports;

import static io.payreports.reports.ReportModels.SETTLEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled binder gives what Bindy itself gives: the same records, the same rejections with the same
 * messages, on every fixture and on rows made to hit each of its paths.
 */
class CompiledRowBinderTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final String HEADER = "\"SellerId\",\"SettlementStartDate\",\"SettlementEndDate\"\n"
            + "\"A1XX\",\"2015-05-18T14:37:01-0700\",\"2015-05-21T14:37:03 -0700\"\n\n"
            + "TransactionPostedDate,SettlementId,AmazonTransactionId,SellerReferenceId,TransactionType,AmazonOrderReferenceId,"
            + "SellerOrderId,StoreName,CurrencyCode,TransactionDescription,TransactionAmount,TransactionPercentageFee,"
            + "TransactionFixedFee,TotalTransactionFee,NetTransactionAmount\n";

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(SETTLEMENT, "amazon-sample.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "bom-crlf-unquoted.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "malformed-rows.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "no-column-line.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "reordered-columns.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "quirks/tab-separated.tsv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "quirks/title-and-key-value-header.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "quirks/trailing-separator-on-rows.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "quirks/trailing-separator-on-column-line.csv", ReadOptions.DEFAULTS),
                Arguments.of(SETTLEMENT, "quirks/decimal-comma-semicolon.csv", ReadOptions.DEFAULTS),
                Arguments.of(
                        SETTLEMENT,
                        "quirks/decimal-comma-semicolon.csv",
                        new ReadOptions(StandardCharsets.UTF_8, AmountNotation.DECIMAL_COMMA, ReportLimits.DEFAULTS)),
                Arguments.of(SETTLEMENT, "quirks/extra-and-missing-columns.csv", ReadOptions.DEFAULTS),
                Arguments.of(
                        SETTLEMENT,
                        "quirks/windows-1252.csv",
                        ReadOptions.DEFAULTS.withCharset(Charset.forName("windows-1252"))),
                Arguments.of(
                        SETTLEMENT,
                        "quirks/shift-jis.csv",
                        ReadOptions.DEFAULTS.withCharset(Charset.forName("Shift_JIS"))),
                Arguments.of(
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
                        "types/order-reference.csv",
                        ReadOptions.DEFAULTS),
                Arguments.of(
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
                        "types/billing-agreement.csv",
                        ReadOptions.DEFAULTS),
                Arguments.of(
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
                        "types/authorization.csv",
                        ReadOptions.DEFAULTS),
                Arguments.of(
                        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_", "types/capture.csv", ReadOptions.DEFAULTS),
                Arguments.of("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_", "types/refund.csv", ReadOptions.DEFAULTS),
                Arguments.of(
                        "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_",
                        "types/multi-currency.csv",
                        ReadOptions.DEFAULTS));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("fixtures")
    void everyFixtureBindsAsWithBindy(String reportType, String fixture, ReadOptions options) throws IOException {
        byte[] document;
        try (InputStream in = getClass().getResourceAsStream("/reports/" + fixture)) {
            document = in.readAllBytes();
        }

        List<String> compiled = rows(new ReportFormats(CAMEL), reportType, document, options);

        assertThat(compiled)
                .isNotEmpty()
                .isEqualTo(rows(ReportFormats.bindingWithBindy(CAMEL), reportType, document, options));
    }

    @Test
    void rowsOnEachPathBindAsWithBindy() throws IOException {
        String body = String.join(
                "\n",
                // timestamps: the regex-free shapes, then shapes the general patterns read, then rejections
                row("2015-05-18T15:48:50-0000", "10.00"),
                row("2015-09-30T15:00:44-0700", "10.00"),
                row("2015-09-30T15:00:44 -0800", "10.00"),
                row("2015-09-30T15:00:44Z", "10.00"),
                row("2015-09-30T15:00:44+00:00", "10.00"),
                row("2015-09-30 15:00:44+05:30", "10.00"),
                row("2015-09-30T15:00:44", "10.00"),
                row("2015-09-30T15:00:44.250Z", "10.00"),
                row("2015-09-30 15:00:44 PDT", "10.00"),
                row("30.09.2015 15:00:44 MESZ", "10.00"),
                row("2015-09-30", "10.00"),
                row("2015-13-30T15:00:44-0000", "10.00"),
                row("2015-09-30T24:00:44-0000", "10.00"),
                row("2015-09-30T15:00:44+2500", "10.00"),
                row("2015-09-30T15:00:44-00:60", "10.00"),
                row("2015-09-30T15:00:44-070", "10.00"),
                row("2015-09-30T15:00:44z", "10.00"),
                row("yesterday", "10.00"),
                // amounts: plain, grouped, the patterns' shapes, rejections
                row("2015-05-18T15:48:50-0000", "-1,234.56"),
                row("2015-05-18T15:48:50-0000", "12,000"),
                row("2015-05-18T15:48:50-0000", "1,234,567.5"),
                row("2015-05-18T15:48:50-0000", "+1,234.50"),
                row("2015-05-18T15:48:50-0000", "1.234,56"),
                row("2015-05-18T15:48:50-0000", "1,2345"),
                row("2015-05-18T15:48:50-0000", "12,34,5"),
                row("2015-05-18T15:48:50-0000", "1,234."),
                row("2015-05-18T15:48:50-0000", "1234,567.0"),
                row("2015-05-18T15:48:50-0000", "abc"),
                row("2015-05-18T15:48:50-0000", " "),
                // a required value missing, doubled quotes Bindy collapses, blank optional values
                row("", "10.00"),
                "2015-05-18T15:48:50-0000,5044,P01,,Capture,P12,,\"Say \"\"\"\"hi\"\"\"\"\",USD,,1.00,0,0,0,1.00",
                "2015-05-18T15:48:50-0000,5044,P01, ,Capture,P12, , ,USD, ,1.00,0,0,0,1.00");
        byte[] document = (HEADER + body + "\n").getBytes(StandardCharsets.UTF_8);

        List<String> compiled = rows(new ReportFormats(CAMEL), SETTLEMENT, document, ReadOptions.DEFAULTS);

        assertThat(compiled)
                .hasSize(32)
                .isEqualTo(rows(ReportFormats.bindingWithBindy(CAMEL), SETTLEMENT, document, ReadOptions.DEFAULTS));
        // Bindy's quirk, kept: a doubled quote inside the unquoted value is collapsed to one
        assertThat(compiled).anySatisfy(row -> assertThat(row).contains(", Say \"hi\", USD"));
    }

    @Test
    void aDocumentRejectedIsRejectedAlike() throws IOException {
        byte[] latin;
        try (InputStream in = getClass().getResourceAsStream("/reports/quirks/windows-1252.csv")) {
            latin = in.readAllBytes();
        }

        assertThatThrownBy(() -> rows(new ReportFormats(CAMEL), SETTLEMENT, latin, ReadOptions.DEFAULTS))
                .hasMessage(messageOf(
                        () -> rows(ReportFormats.bindingWithBindy(CAMEL), SETTLEMENT, latin, ReadOptions.DEFAULTS)));
    }

    @Test
    void everyReportModelIsCompiled() {
        for (String reportType : ReportModels.reportTypes()) {
            assertThat(ReportModels.model(reportType).orElseThrow().binder(() -> CAMEL))
                    .as(reportType)
                    .isInstanceOf(CompiledRowBinder.class);
        }
    }

    @Test
    void aModelUsingBindyAttributesTheCompiledBinderLacksIsLeftToBindy() throws NoSuchFieldException {
        Field trimmed = Trimmed.class.getDeclaredField("name");

        assertThat(CompiledRowBinder.of(Trimmed.class, List.of(trimmed))).isEmpty();
    }

    @Test
    void aClassWithoutCsvRecordOrWithEscapedQuotingOrAnUnconvertedNonStringFieldIsLeftToBindy() {
        assertThat(CompiledRowBinder.of(NoCsvRecord.class, dataFields(NoCsvRecord.class)))
                .isEmpty();
        assertThat(CompiledRowBinder.of(QuotingEscaped.class, dataFields(QuotingEscaped.class)))
                .isEmpty();
        assertThat(CompiledRowBinder.of(UnconvertedLong.class, dataFields(UnconvertedLong.class)))
                .isEmpty();
    }

    @Test
    void aCompiledBinderCreatesRecordsThroughAPrivateConstructorAndChecksTheFieldCount() throws Exception {
        RowBinder<SingleQuoted> binder = CompiledRowBinder.of(SingleQuoted.class, dataFields(SingleQuoted.class))
                .orElseThrow();

        SingleQuoted record = binder.bind(List.of("say \"\"hi\"\"", ""), 3);
        assertThat(record.text)
                .as("doubled quotes are collapsed for the \" quote only")
                .isEqualTo("say \"\"hi\"\"");
        assertThat(record.amount).isNull();
        assertThat(binder.bind(List.of("x", "1,000.50"), 4).amount).isEqualTo(new BigDecimal("1000.50"));
        assertThat(messageOf(() -> binder.bind(List.of("x"), 5))).isEqualTo("expected 2 fields, found 1");
    }

    @Test
    void bindyRejectsAnotherFieldCountAsTheCompiledBinderDoes() {
        BindyRowBinder<SettlementRecord> bindy = new BindyRowBinder<>(ReportModels.settlement(), CAMEL);

        assertThat(messageOf(() -> bindy.bind(List.of("x"), 5))).isEqualTo("expected 15 fields, found 1");
    }

    /** The {@code @DataField}s of a test record class in position order, accessible, as the model passes them. */
    private static List<Field> dataFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(DataField.class)) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        fields.sort(Comparator.comparingInt(
                field -> field.getAnnotation(DataField.class).pos()));
        return fields;
    }

    @Test
    void theRegexFreeTimestampShapesReadAsTheGeneralPatterns() {
        AmazonTimestampFormat format = new AmazonTimestampFormat();

        assertThat(format.parse("2015-09-30T15:00:44-0700"))
                .isEqualTo(OffsetDateTime.parse("2015-09-30T15:00:44-07:00").toInstant());
        assertThat(format.parse(" 2015-09-30T15:00:44 -0800"))
                .isEqualTo(OffsetDateTime.parse("2015-09-30T15:00:44-08:00").toInstant());
        assertThat(format.parse("2015-09-30 15:00:44+05:30"))
                .isEqualTo(OffsetDateTime.parse("2015-09-30T15:00:44+05:30").toInstant());
        assertThat(format.parse("2015-09-30T15:00:44Z")).isEqualTo(Instant.parse("2015-09-30T15:00:44Z"));
        assertThatThrownBy(() -> format.parse("2015-02-30T15:00:44-0000"))
                .hasMessage("not a timestamp: '2015-02-30T15:00:44-0000'");
        assertThatThrownBy(() -> format.parse("2015-09-30T15:00:44+1900"))
                .hasMessage("not a timestamp: '2015-09-30T15:00:44+1900'");
    }

    @Test
    void groupedAmountsAreUngroupedWithoutPatterns() {
        assertThat(AmountNotation.AUTO.plain("-1,234,567.89")).isEqualTo("-1234567.89");
        assertThat(AmountNotation.DECIMAL_POINT.plain("12,000")).isEqualTo("12000");
        assertThat(AmountNotation.DECIMAL_COMMA.plain("12,000")).isEqualTo("12.000");
        assertThatThrownBy(() -> AmountNotation.AUTO.plain("1,234.")).hasMessage("not a number: '1,234.'");
    }

    /** Each row as text: its line, then the record's column values or the failure's reason and raw line. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> rows(ReportFormats formats, String reportType, byte[] document, ReadOptions options)
            throws IOException {
        RecordLayout layout = ReportModels.model(reportType).orElseThrow();
        List<String> rows = new ArrayList<>();
        try (ReportFormats.Rows<?> parsed =
                formats.open(reportType, new ByteArrayInputStream(document), "R1", options)) {
            while (parsed.hasNext()) {
                ParsedRow<?> row = parsed.next();
                rows.add(
                        row instanceof ParsedRow.Bound<?> bound
                                ? bound.lineNumber() + " " + Arrays.toString(layout.values(bound.record()))
                                : row.lineNumber() + " failed: " + ((ParsedRow.Failed<?>) row).reason() + " in "
                                        + ((ParsedRow.Failed<?>) row).rawLine());
            }
        }
        return rows;
    }

    private static String row(String postedDate, String amount) {
        return "\"" + postedDate + "\",5044561311,P01-1,,Capture,P12-1,,Store,USD,,\"" + amount
                + "\",-0.29,-0.30,-0.59,9.41";
    }

    interface Failing {
        void run() throws Exception;
    }

    private static String messageOf(Failing failing) {
        try {
            failing.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a rejection");
    }

    public static class NoCsvRecord extends ReportRecord {
        @DataField(pos = 1)
        private String name;
    }

    @CsvRecord(separator = ",", quotingEscaped = true)
    public static class QuotingEscaped extends ReportRecord {
        @DataField(pos = 1)
        private String name;
    }

    @CsvRecord(separator = ",")
    public static class UnconvertedLong extends ReportRecord {
        @DataField(pos = 1)
        private Long count;
    }

    @CsvRecord(separator = ",", quote = "'")
    public static class SingleQuoted extends ReportRecord {
        @DataField(pos = 1)
        private String text;

        @DataField(pos = 2)
        @BindyConverter(AmazonAmountFormat.class)
        private BigDecimal amount;

        private SingleQuoted() {}
    }

    @CsvRecord(separator = ",")
    public static class Trimmed extends ReportRecord {
        @DataField(pos = 1, trim = true)
        private String name;
    }
}
