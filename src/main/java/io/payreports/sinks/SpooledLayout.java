package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import java.util.List;

/**
 * A layout's name, columns and key over records that are already column values, as read back from
 * a {@link RecordSpool}: sinks written against {@link RecordLayout} take spooled records unchanged.
 */
public record SpooledLayout(RecordLayout<?> of) implements RecordLayout<Object[]> {

    @Override
    public String name() {
        return of.name();
    }

    @Override
    public List<Column> columns() {
        return of.columns();
    }

    @Override
    public List<String> naturalKey() {
        return of.naturalKey();
    }

    @Override
    public Object[] values(Object[] record) {
        return record;
    }
}
