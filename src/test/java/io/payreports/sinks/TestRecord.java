package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A small record with one column of every type, standing in for the real report records. */
public record TestRecord(String id, String currency, BigDecimal amount, Instant postedAt, Long quantity, String note) {

    public static final RecordLayout<TestRecord> LAYOUT = new RecordLayout<>() {

        @Override
        public String name() {
            return "test_record";
        }

        @Override
        public List<Column> columns() {
            return List.of(
                    new Column("id", ColumnType.TEXT),
                    new Column("currency", ColumnType.TEXT),
                    new Column("amount", ColumnType.DECIMAL),
                    new Column("postedAt", ColumnType.TIMESTAMP),
                    new Column("quantity", ColumnType.BIGINT),
                    new Column("note", ColumnType.TEXT));
        }

        @Override
        public List<String> naturalKey() {
            return List.of("id");
        }

        @Override
        public Object[] values(TestRecord r) {
            return new Object[] {r.id(), r.currency(), r.amount(), r.postedAt(), r.quantity(), r.note()};
        }
    };

    public static TestRecord of(
            String id, String currency, String amount, String postedAt, Long quantity, String note) {
        return new TestRecord(
                id,
                currency,
                amount == null ? null : new BigDecimal(amount),
                postedAt == null ? null : Instant.parse(postedAt),
                quantity,
                note);
    }
}
