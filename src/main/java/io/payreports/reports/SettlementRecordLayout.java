package io.payreports.reports;

import static io.payreports.reports.RecordLayout.ColumnType.BIGINT;
import static io.payreports.reports.RecordLayout.ColumnType.DECIMAL;
import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Settlement records as sink columns. A row is identified by report and line: settlement rows have no id of
 * their own (Transfer, Reserve and Carryover rows carry no transaction id, seed 003).
 */
public final class SettlementRecordLayout implements RecordLayout<SettlementRecord> {

    public static final SettlementRecordLayout INSTANCE = new SettlementRecordLayout();

    private static final List<Column> COLUMNS = List.of(
            new Column("reportId", TEXT),
            new Column("lineNumber", BIGINT),
            new Column("sellerId", TEXT),
            new Column("settlementStartDate", TIMESTAMP),
            new Column("settlementEndDate", TIMESTAMP),
            new Column("transactionPostedDate", TIMESTAMP),
            new Column("settlementId", TEXT),
            new Column("amazonTransactionId", TEXT),
            new Column("sellerReferenceId", TEXT),
            new Column("transactionType", TEXT),
            new Column("amazonOrderReferenceId", TEXT),
            new Column("sellerOrderId", TEXT),
            new Column("storeName", TEXT),
            new Column("currencyCode", TEXT),
            new Column("transactionDescription", TEXT),
            new Column("transactionAmount", DECIMAL),
            new Column("transactionPercentageFee", DECIMAL),
            new Column("transactionFixedFee", DECIMAL),
            new Column("totalTransactionFee", DECIMAL),
            new Column("netTransactionAmount", DECIMAL),
            // Last, so the columns above keep their places: the posted date with the offset Amazon wrote.
            new Column("transactionPostedDateRaw", TEXT));

    private SettlementRecordLayout() {
    }

    @Override
    public String name() {
        return "amazonpay_settlement";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> naturalKey() {
        return List.of("reportId", "lineNumber");
    }

    @Override
    public Object[] values(SettlementRecord r) {
        return new Object[] {
            r.getReportId(), r.getLineNumber(), r.getSellerId(), r.getSettlementStartDate(), r.getSettlementEndDate(),
            r.getTransactionPostedDate(), r.getSettlementId(), r.getAmazonTransactionId(), r.getSellerReferenceId(),
            r.getTransactionType(), r.getAmazonOrderReferenceId(), r.getSellerOrderId(), r.getStoreName(),
            r.getCurrencyCode(), r.getTransactionDescription(), r.getTransactionAmount(),
            r.getTransactionPercentageFee(), r.getTransactionFixedFee(), r.getTotalTransactionFee(),
            r.getNetTransactionAmount(), r.getTransactionPostedDateRaw()
        };
    }
}
