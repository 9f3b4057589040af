package io.payreports.spapi;

import static io.payreports.reports.RecordLayout.ColumnType.DECIMAL;
import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;

import io.payreports.reports.RecordLayout;
import java.util.List;

/** Finances transactions as rows keyed by transactionId, so a re-read (lookback, restarted window) updates instead of duplicating. */
public final class TransactionLayout implements RecordLayout<Transaction> {

    public static final TransactionLayout INSTANCE = new TransactionLayout();

    private static final List<Column> COLUMNS = List.of(
            new Column("transactionId", TEXT),
            new Column("transactionType", TEXT),
            new Column("transactionStatus", TEXT),
            new Column("description", TEXT),
            new Column("postedDate", TIMESTAMP),
            new Column("postedDateRaw", TEXT),
            new Column("totalAmount", DECIMAL),
            new Column("totalCurrency", TEXT),
            new Column("marketplaceId", TEXT),
            new Column("marketplaceName", TEXT),
            new Column("sellingPartnerId", TEXT),
            new Column("accountType", TEXT),
            new Column("relatedIdentifiers", TEXT),
            new Column("items", TEXT),
            new Column("contexts", TEXT),
            new Column("breakdowns", TEXT));

    private TransactionLayout() {}

    @Override
    public String name() {
        return "spapi_transaction";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> naturalKey() {
        return List.of("transactionId");
    }

    @Override
    public Object[] values(Transaction t) {
        return new Object[] {
            t.transactionId(),
            t.transactionType(),
            t.transactionStatus(),
            t.description(),
            t.postedDate(),
            t.postedDateRaw(),
            t.totalAmount(),
            t.totalCurrency(),
            t.marketplaceId(),
            t.marketplaceName(),
            t.sellingPartnerId(),
            t.accountType(),
            t.relatedIdentifiers(),
            t.items(),
            t.contexts(),
            t.breakdowns()
        };
    }
}
