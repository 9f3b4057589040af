package io.payreports.reports;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The document as a whole cannot be taken, and asking again would not change that: it exceeds a
 * configured limit (size, decompression ratio, line length) or is not text in the expected charset.
 * The report is dead-lettered at once, without redeliveries, and stays undelivered until the
 * operator changes the setting the message names.
 */
public class DocumentRejectedException extends IOException {

    public DocumentRejectedException(String message) {
        super(message);
    }

    public DocumentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * This rejection, named with its report and where reading stopped, for the iterators that read rows
     * (unchecked, and not FastCSV's "Exception when reading record that started in line N").
     */
    public UncheckedIOException in(String reportId, String where) {
        DocumentRejectedException named = new DocumentRejectedException(
                "report " + reportId + ": " + getMessage() + (where.isEmpty() ? "" : ", " + where), this);
        return new UncheckedIOException(named.getMessage(), named);
    }
}
