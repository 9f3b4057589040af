package io.payreports.reports;

import java.util.List;

/**
 * Turns one row's fields, already in the model's column order, into a record of the model.
 *
 * @param <T> the Bindy record class
 */
interface RowBinder<T extends ReportRecord> {

    /**
     * @param lineNumber where the row starts, for messages only
     * @throws RowRejectedException naming the column and what is wrong with its value
     */
    T bind(List<String> fields, long lineNumber) throws RowRejectedException;
}
