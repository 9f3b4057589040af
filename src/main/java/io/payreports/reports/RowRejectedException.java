package io.payreports.reports;

/** A row that cannot become a record; the message is the one-line reason shown to operators. */
final class RowRejectedException extends Exception {

    RowRejectedException(String reason) {
        super(reason, null, false, false); // an expected outcome for bad input: no stack trace needed
    }
}
