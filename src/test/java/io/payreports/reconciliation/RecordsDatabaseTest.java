package io.payreports.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.amazonpay.Disbursement;
import io.payreports.amazonpay.DisbursementLayout;
import io.payreports.reports.ParsedRow;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportFormats;
import io.payreports.reports.ReportModels;
import io.payreports.sinks.JdbcRecordsSink;
import io.payreports.sinks.ReportWriter;
import io.payreports.sinks.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation over what the jdbc sink really stored, on H2 and PostgreSQL: the settlement report sample of
 * Amazon's "Amazon Pay settlement and transaction reports" guide (src/test/resources/reports/amazon-sample.csv,
 * provenance in src/test/resources/amazon-examples/PROVENANCE.md), which is complete (header, every row, the
 * Transfer) and closes, its payout, and transaction report rows of its capture and refund.
 */
class RecordsDatabaseTest {

    private static final String SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";
    private static final String CAPTURES = String.join(
            "\r\n",
            "\"AmazonCaptureId\",\"CaptureReferenceId\",\"AmazonAuthorizationId\",\"AmazonOrderReferenceId\","
                    + "\"CaptureAmount\",\"CurrencyCode\",\"SellerCaptureNote\",\"CaptureStatus\",\"LastUpdateTimestamp\","
                    + "\"ReasonCode\",\"CreationTimestamp\"",
            "\"P01-2400747-7767109-C084595\",\"c1\",\"P01-2400747-7767109-A084595\",\"P12-4323454-0987678\","
                    + "\"1,000.00\",\"USD\",\"\",\"Completed\",\"2015-05-18T08:48:50-0700\",\"\",\"2015-05-18T08:48:45-0700\"",
            "\"P01-2400747-7767109-C999999\",\"c2\",\"P01-2400747-7767109-A999999\",\"P12-4323454-0987679\","
                    + "\"15.00\",\"USD\",\"\",\"Completed\",\"2015-05-02T10:00:00Z\",\"\",\"2015-05-02T10:00:00Z\"",
            "");
    private static final String REFUNDS = String.join(
            "\r\n",
            "\"AmazonRefundId\",\"RefundReferenceId\",\"AmazonCaptureId\",\"AmazonOrderReferenceId\",\"RefundAmount\","
                    + "\"CurrencyCode\",\"SellerRefundNote\",\"RefundStatus\",\"LastUpdateTimestamp\",\"ReasonCode\","
                    + "\"CreationTimestamp\",\"RefundType\"",
            "\"P01-2400747-7767109-R000001\",\"r1\",\"P01-2400747-7767109-C084595\",\"P12-4323454-0987678\",\"32.40\","
                    + "\"USD\",\"\",\"Completed\",\"2015-05-19T08:10:00-0700\",\"\",\"2015-05-19T08:09:00-0700\","
                    + "\"SellerInitiated\"",
            "");
    private static final Instant NOW = Instant.parse("2015-06-30T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void amazonsSampleReconcilesOnH2() throws Exception {
        reconcilesAndIsStored(TestDatabases.h2(dir), null);
    }

    @Test
    void amazonsSampleReconcilesOnPostgresql() throws Exception {
        try (TestDatabases.PostgresSchema schema = new TestDatabases.PostgresSchema()) {
            reconcilesAndIsStored(TestDatabases.PostgresSchema.defaultSchemaDataSource(), schema.name());
        }
    }

    @Test
    void spApiRelatedIdentifiersAreReadByNameAndUnreadableOnesAreNone() {
        assertThat(
                        RecordsDatabase.relatedIdentifiers(
                                "[{\"relatedIdentifierName\":\"TRANSFER_ID\",\"relatedIdentifierValue\":\"TR1\"},"
                                        + "{\"relatedIdentifierName\":\"DISBURSEMENT_ID\",\"relatedIdentifierValue\":\"DTR1\"}]"))
                .containsExactly(
                        java.util.Map.entry("TRANSFER_ID", "TR1"), java.util.Map.entry("DISBURSEMENT_ID", "DTR1"));
        assertThat(RecordsDatabase.relatedIdentifiers("not json")).isEmpty();
        assertThat(RecordsDatabase.relatedIdentifiers(null)).isEmpty();
    }

    private void reconcilesAndIsStored(DataSource dataSource, String schema) throws Exception {
        JdbcRecordsSink sink =
                new JdbcRecordsSink("jdbc", dataSource, 100, schema, List.of(JdbcRecordsSink.MIGRATIONS));
        try (InputStream sample = Files.newInputStream(Path.of("src/test/resources/reports/amazon-sample.csv"))) {
            store(sink, SETTLEMENT, sample, "amazon-sample");
        }
        store(sink, "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_", text(CAPTURES), "captures");
        store(sink, "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_", text(REFUNDS), "refunds");
        try (ReportWriter<Disbursement> writer = sink.open(context("disbursements"), DisbursementLayout.INSTANCE)) {
            writer.write(new Disbursement(
                    "A1XX111XXX111XXX",
                    "5044561311",
                    "DISB-1",
                    new BigDecimal("941.44"),
                    "USD",
                    Instant.parse("2015-05-22T02:00:00Z")));
            writer.commit();
        }
        // another account's payout under the same ids: neither overwrites the default account's nor counts in its books
        ReportContext eu = new ReportContext("test", "eu", "disbursements", "test", null, null);
        try (ReportWriter<Disbursement> writer = sink.open(eu, DisbursementLayout.INSTANCE)) {
            writer.write(new Disbursement(
                    "A1XX111XXX111XXX",
                    "5044561311",
                    "DISB-1",
                    new BigDecimal("5.00"),
                    "USD",
                    Instant.parse("2015-05-22T02:00:00Z")));
            writer.commit();
        }

        ReconciliationJob job = new ReconciliationJob(
                sink,
                dir.resolve("out"),
                Tolerances.DEFAULTS,
                new ReconciliationMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        ReconciliationResult result = job.reconcile(
                        "default", LocalDate.parse("2015-05-01"), LocalDate.parse("2015-05-31"))
                .result();

        assertThat(result.items())
                .extracting(Item::check, Item::reason, Item::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Check.SETTLEMENT_CLOSES, Reason.BALANCED, "5044561311"),
                        org.assertj.core.groups.Tuple.tuple(Check.PAYOUT_ARRIVES, Reason.MATCHED_BY_ID, "5044561311"),
                        org.assertj.core.groups.Tuple.tuple(
                                Check.ORDERS_COMPLETE, Reason.NOT_SETTLED, "P01-2400747-7767109-C999999"),
                        org.assertj.core.groups.Tuple.tuple(
                                Check.ORDERS_COMPLETE, Reason.SETTLED, "P01-2400747-7767109-C084595"),
                        org.assertj.core.groups.Tuple.tuple(
                                Check.ORDERS_COMPLETE, Reason.SETTLED, "P01-2400747-7767109-R000001"));
        Item settlement = result.items().get(0);
        assertThat(settlement.actual()).isEqualByComparingTo("941.44");
        assertThat(settlement.whenRaw()).isEqualTo("2015-05-21T14:00:00-0000");
        assertThat(result.items().get(3).detail()).contains("fee -29.30 USD", "net 970.70 USD");
        assertThat(result.balanced()).isFalse();

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT reason, difference FROM "
                        + (schema == null ? "" : schema + '.')
                        + "reconciliation_item WHERE status = 'UNMATCHED' ORDER BY item_number")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("NOT_SETTLED");
            assertThat(rows.next()).isFalse();
        }
        ReconciliationResult euResult = job.reconcile(
                        "eu", LocalDate.parse("2015-05-01"), LocalDate.parse("2015-05-31"))
                .result();
        assertThat(euResult.items())
                .as("eu has a payout and no settlement of its own")
                .extracting(Item::check)
                .containsExactly(Check.PAYOUT_ARRIVES);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void store(JdbcRecordsSink sink, String reportType, InputStream document, String reportId)
            throws Exception {
        RecordLayout layout = ReportModels.model(reportType).orElseThrow();
        try (DefaultCamelContext camel = new DefaultCamelContext();
                ReportFormats.Rows<?> rows = new ReportFormats(camel).open(reportType, document, reportId);
                ReportWriter writer = sink.open(context(reportId), layout)) {
            while (rows.hasNext()) {
                ParsedRow<?> row = rows.next();
                assertThat(row).isInstanceOf(ParsedRow.Bound.class);
                writer.write(((ParsedRow.Bound<?>) row).record());
            }
            writer.commit();
        }
    }

    private static InputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static ReportContext context(String reportId) {
        return new ReportContext("test", reportId, "test", null, null);
    }
}
