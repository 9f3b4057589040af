package io.payreports.reports;

import static io.payreports.reports.RecordLayout.ColumnType.BIGINT;
import static io.payreports.reports.RecordLayout.ColumnType.DECIMAL;
import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.reports.RecordLayout.Column;
import io.payreports.reports.ReportModel.HeaderField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.dataformat.bindy.annotation.BindyConverter;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A model built by each test rather than taken from {@link ReportModels}: the shipped models are built once, in a
 * static initializer, which PIT credits to the first test that loads the class only, so no other test would count
 * against a wrong column list; and only a model built here can break the rules the constructor checks.
 */
class ReportModelTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    /** Built per test, so that PIT credits the constructor to every test. */
    private final ReportModel<Payout> payout = new ReportModel<>(
            "test_payout",
            Payout.class,
            List.of(new HeaderField("SellerId", TEXT), new HeaderField("PeriodEnd", TIMESTAMP)));

    @AfterAll
    static void stopCamel() {
        CAMEL.stop();
    }

    @Test
    void csvColumnsComeInPositionOrderNotDeclarationOrderAndOnlyTheRequiredOnesAreRequired() {
        assertThat(payout.csvColumns()).containsExactly("PayoutId", "PostedDate", "Amount", "Note", "SettledDate");
        assertThat(payout.csvColumns()).filteredOn(payout::isRequired).containsExactly("PayoutId", "Amount");
        assertThat(payout.isRequired("Currency")).as("not a column").isFalse();
        assertThat(payout.positionsOf(Instant.class)).containsExactly(1, 4);
        assertThat(payout.positionsOf(BigDecimal.class)).containsExactly(2);
    }

    @Test
    void sinkColumnsAreKeysHeaderValuesCsvColumnsRawTimestampsAndExtraColumnsTypedByJavaType() {
        assertThat(payout.name()).isEqualTo("test_payout");
        assertThat(payout.recordType()).isEqualTo(Payout.class);
        assertThat(payout.headerFields()).extracting(HeaderField::key).containsExactly("SellerId", "PeriodEnd");
        assertThat(payout.columns())
                .containsExactly(
                        new Column("reportId", TEXT),
                        new Column("lineNumber", BIGINT),
                        new Column("sellerId", TEXT),
                        new Column("periodEnd", TIMESTAMP),
                        new Column("payoutId", TEXT),
                        new Column("postedDate", TIMESTAMP),
                        new Column("amount", DECIMAL),
                        new Column("note", TEXT),
                        new Column("settledDate", TIMESTAMP),
                        new Column("postedDateRaw", TEXT),
                        new Column("settledDateRaw", TEXT),
                        new Column("extraColumns", TEXT));
    }

    @Test
    void valuesFollowTheColumnsWithRawTimestampsAndUnknownColumnsAsJson() throws RowRejectedException {
        Payout record = payout.binder(ReportModelTest::noCamel)
                .bind(List.of("P-1", "2015-05-18T15:48:50-0700", "-1,000.50", "", "2015-05-19T00:00:00Z"), 7);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Marketplace", "amazon.de");
        extra.put("Channel", "web");
        record.locate(
                "R9",
                7,
                new ReportHeader(Map.of("SellerId", "A1XX", "PeriodEnd", Instant.parse("2015-05-21T00:00:00Z"))),
                Map.of("PostedDate", "2015-05-18T15:48:50-0700", "SettledDate", "2015-05-19T00:00:00Z"),
                extra);

        assertThat(payout.values(record))
                .containsExactly(
                        "R9",
                        7L,
                        "A1XX",
                        Instant.parse("2015-05-21T00:00:00Z"),
                        "P-1",
                        Instant.parse("2015-05-18T22:48:50Z"),
                        new BigDecimal("-1000.50"),
                        null,
                        Instant.parse("2015-05-19T00:00:00Z"),
                        "2015-05-18T15:48:50-0700",
                        "2015-05-19T00:00:00Z",
                        "{\"Marketplace\":\"amazon.de\",\"Channel\":\"web\"}");
    }

    @Test
    void withoutUnknownColumnsOrHeaderTheirValuesAreNull() throws RowRejectedException {
        Payout record = payout.binder(ReportModelTest::noCamel).bind(List.of("P-2", "", "0", "", ""), 3);
        record.locate("R9", 3, ReportHeader.ABSENT, Map.of(), Map.of());

        assertThat(payout.values(record))
                .containsExactly("R9", 3L, null, null, "P-2", null, new BigDecimal("0"), null, null, null, null, null);
    }

    @Test
    void aModelOnlyBindyCanBindGetsBindysBinderAndTheOthersTheCompiledOneWithoutCamel() {
        // trim is a Bindy feature the compiled binder does not implement
        ReportModel<CompiledRowBinderTest.Trimmed> trimmed =
                new ReportModel<>("test_trimmed", CompiledRowBinderTest.Trimmed.class, List.of());

        assertThat(trimmed.binder(() -> CAMEL)).isInstanceOf(BindyRowBinder.class);
        assertThat(payout.binder(ReportModelTest::noCamel)).isInstanceOf(CompiledRowBinder.class);
    }

    @Test
    void positionsMustRunFromOneWithoutGapsOrRepeats() {
        assertThatThrownBy(() -> new ReportModel<>("gap", WithGap.class, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(WithGap.class.getName() + ": @DataField positions must run 1..2 without gaps");
        assertThatThrownBy(() -> new ReportModel<>("repeat", WithRepeat.class, List.of()))
                .hasMessage(WithRepeat.class.getName() + ": @DataField positions must run 1..2 without gaps");
        assertThatThrownBy(() -> new ReportModel<>("zero", FromZero.class, List.of()))
                .hasMessage(FromZero.class.getName() + ": @DataField positions must run 1..2 without gaps");
    }

    @Test
    void aColumnOfAnotherJavaTypeIsRefused() {
        assertThatThrownBy(() -> new ReportModel<>("long", WithLong.class, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(".count: report columns are String, BigDecimal or Instant");
    }

    private static org.apache.camel.CamelContext noCamel() {
        throw new AssertionError("the compiled binder needs no CamelContext");
    }

    /** Fields declared out of position order, of every column type, two timestamps. */
    @CsvRecord(separator = ",")
    public static class Payout extends ReportRecord {
        @DataField(pos = 3, columnName = "Amount", required = true)
        @BindyConverter(AmazonAmountFormat.class)
        private BigDecimal amount;

        @DataField(pos = 1, columnName = "PayoutId", required = true)
        private String payoutId;

        @DataField(pos = 5, columnName = "SettledDate")
        @BindyConverter(AmazonTimestampFormat.class)
        private Instant settledDate;

        @DataField(pos = 2, columnName = "PostedDate")
        @BindyConverter(AmazonTimestampFormat.class)
        private Instant postedDate;

        @DataField(pos = 4, columnName = "Note")
        private String note;

        /** Not a column. */
        private String cached;
    }

    @CsvRecord(separator = ",")
    public static class WithGap extends ReportRecord {
        @DataField(pos = 1)
        private String first;

        @DataField(pos = 3)
        private String third;
    }

    @CsvRecord(separator = ",")
    public static class WithRepeat extends ReportRecord {
        @DataField(pos = 1)
        private String first;

        @DataField(pos = 1)
        private String again;
    }

    @CsvRecord(separator = ",")
    public static class FromZero extends ReportRecord {
        @DataField(pos = 0)
        private String zeroth;

        @DataField(pos = 1)
        private String first;
    }

    @CsvRecord(separator = ",")
    public static class WithLong extends ReportRecord {
        @DataField(pos = 1)
        private String id;

        @DataField(pos = 2)
        private Long count;
    }
}
