package io.payreports.amazonpay;

import static io.payreports.reports.RecordLayout.ColumnType.DECIMAL;
import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;

import io.payreports.reports.RecordLayout;
import java.util.List;

/** Disbursements as sink rows, one per payout, keyed by Amazon's reference (the one on the bank statement). */
public final class DisbursementLayout implements RecordLayout<Disbursement> {

    public static final DisbursementLayout INSTANCE = new DisbursementLayout();

    private static final List<Column> COLUMNS = List.of(
            new Column("amazonDisbursementReferenceId", TEXT),
            new Column("settlementId", TEXT),
            new Column("sellerId", TEXT),
            new Column("amount", DECIMAL),
            new Column("currencyCode", TEXT),
            new Column("transactionTime", TIMESTAMP));

    private DisbursementLayout() {}

    @Override
    public String name() {
        return "amazonpay_disbursement";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> naturalKey() {
        return List.of("amazonDisbursementReferenceId");
    }

    @Override
    public Object[] values(Disbursement record) {
        return new Object[] {
            record.amazonDisbursementReferenceId(),
            record.settlementId(),
            record.sellerId(),
            record.amount(),
            record.currencyCode(),
            record.transactionTime()
        };
    }
}
