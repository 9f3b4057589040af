package io.payreports.sinks;

/**
 * Delivery of one report to one sink. {@link #commit()} makes the records visible at once
 * (rename, transaction commit); {@link #close()} without a commit discards what was written.
 */
public interface ReportWriter<T> extends AutoCloseable {

    void write(T record) throws Exception;

    void commit() throws Exception;

    /** Number of records written so far. */
    long count();

    @Override
    void close();
}
