package io.payreports.mws;

/** A report delivered with some records dead-lettered by a sink: not acknowledged, to be delivered again. */
public class UnacknowledgedReportException extends RuntimeException {

    public UnacknowledgedReportException(String message) {
        super(message);
    }
}
