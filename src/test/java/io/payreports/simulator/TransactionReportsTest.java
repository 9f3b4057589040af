package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReadOptions;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportModel;
import io.payreports.reports.ReportModels;
import io.payreports.reports.ReportReader;
import io.payreports.reports.ReportRecord;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import io.payreports.simulator.SettlementReportGenerator.TransactionReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capture and refund reports of a settlement's period hold its Capture and Refund rows: same ids, amounts, times. */
class TransactionReportsTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static CamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        camel.close();
    }

    @ParameterizedTest
    @CsvSource({"CAPTURE, Capture, amazonCaptureId, captureAmount", "REFUND, Refund, amazonRefundId, refundAmount"})
    void eachCaptureAndRefundIsASettlementRow(TransactionReport report, String type, String idColumn, String amount)
            throws IOException {
        for (Settlement settlement : SettlementReportGenerator.plan(42, NOW, 60)) {
            Map<String, BigDecimal> settled = new HashMap<>();
            for (Map<String, Object> row : rows(ReportModels.settlement(), settlementText(settlement))) {
                if (type.equals(row.get("transactionType"))) {
                    settled.put(
                            (String) row.get("amazonTransactionId"), ((BigDecimal) row.get("transactionAmount")).abs());
                }
            }

            List<Map<String, Object>> transactions =
                    rows(ReportModels.model(report.reportType()).orElseThrow(), transactionsText(settlement, report));

            assertThat(transactions).hasSameSizeAs(settled.keySet());
            for (Map<String, Object> transaction : transactions) {
                assertThat((BigDecimal) transaction.get(amount))
                        .as("%s %s", report, transaction.get(idColumn))
                        .isEqualByComparingTo(settled.get((String) transaction.get(idColumn)));
                assertThat(transaction.get("currencyCode")).isEqualTo(settlement.currency());
                assertThat(transaction.values()).contains("Completed");
            }
        }
    }

    /** Every row of a report as column name → value; a row that does not bind fails the test. */
    private static <T extends ReportRecord> List<Map<String, Object>> rows(ReportModel<T> model, String text)
            throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ReportReader<T> reader = new ReportReader<>(
                model,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "R1",
                0,
                ReadOptions.DEFAULTS,
                camel)) {
            reader.forEachRemaining(row -> {
                assertThat(row).as(row.toString()).isInstanceOf(ParsedRow.Bound.class);
                Object[] values = model.values(((ParsedRow.Bound<T>) row).record());
                Map<String, Object> byName = new HashMap<>();
                List<RecordLayout.Column> columns = model.columns();
                for (int i = 0; i < columns.size(); i++) {
                    byName.put(columns.get(i).name(), values[i]);
                }
                rows.add(byName);
            });
        }
        return rows;
    }

    private static String settlementText(Settlement settlement) throws IOException {
        StringWriter out = new StringWriter();
        SettlementReportGenerator.write(settlement, out);
        return out.toString();
    }

    private static String transactionsText(Settlement settlement, TransactionReport report) throws IOException {
        StringWriter out = new StringWriter();
        SettlementReportGenerator.writeTransactions(settlement, report, out);
        return out.toString();
    }
}
