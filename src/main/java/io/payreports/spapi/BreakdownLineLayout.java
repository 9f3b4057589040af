package io.payreports.spapi;

import static io.payreports.reports.RecordLayout.ColumnType.BIGINT;
import static io.payreports.reports.RecordLayout.ColumnType.DECIMAL;
import static io.payreports.reports.RecordLayout.ColumnType.TEXT;
import static io.payreports.reports.RecordLayout.ColumnType.TIMESTAMP;

import io.payreports.reports.RecordLayout;
import java.util.List;

/** The flattened breakdown lines, keyed by transaction and line number. */
public final class BreakdownLineLayout implements RecordLayout<BreakdownLine> {

    public static final BreakdownLineLayout INSTANCE = new BreakdownLineLayout();

    private static final List<Column> COLUMNS = List.of(
            new Column("transactionId", TEXT),
            new Column("lineNumber", BIGINT),
            new Column("path", TEXT),
            new Column("breakdownType", TEXT),
            new Column("depth", BIGINT),
            new Column("leaf", TEXT),
            new Column("amount", DECIMAL),
            new Column("currencyCode", TEXT),
            new Column("postedDate", TIMESTAMP),
            new Column("transactionType", TEXT),
            new Column("marketplaceId", TEXT));

    private BreakdownLineLayout() {}

    @Override
    public String name() {
        return "spapi_transaction_breakdown";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> naturalKey() {
        return List.of("transactionId", "lineNumber");
    }

    @Override
    public Object[] values(BreakdownLine line) {
        return new Object[] {
            line.transactionId(),
            line.lineNumber(),
            line.path(),
            line.breakdownType(),
            line.depth(),
            line.leaf(),
            line.amount(),
            line.currencyCode(),
            line.postedDate(),
            line.transactionType(),
            line.marketplaceId()
        };
    }
}
