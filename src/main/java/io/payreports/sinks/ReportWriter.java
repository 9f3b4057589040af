package io.payreports.sinks;

/**
 * Delivery of one report to one sink. {@link #commit()} makes the records visible at once
 * (rename, transaction commit); {@link #close()} without a commit discards what was written.
 */
public interface ReportWriter<T> extends AutoCloseable {

    void write(T record) throws Exception;

    /**
     * Called once every record was written, before {@link #commit()}: {@code true} asks for all of them
     * again, from the first, and is then called again. A writer that took a fast path that turned out not to
     * fit the records asks so (the PostgreSQL COPY straight into the table meeting a key already there);
     * writers that need one pass answer {@code false}.
     */
    default boolean wantsRecordsAgain() throws Exception {
        return false;
    }

    void commit() throws Exception;

    /** Number of records written so far. */
    long count();

    @Override
    void close();
}
