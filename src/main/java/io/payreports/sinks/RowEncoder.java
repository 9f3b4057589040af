package io.payreports.sinks;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/** Turns the column values of one record into bytes of one file format. */
public interface RowEncoder extends Flushable, Closeable {

    /** Values in the layout's column order, typed as {@link io.payreports.reports.RecordLayout#values} says. */
    void write(Object[] values) throws IOException;
}
