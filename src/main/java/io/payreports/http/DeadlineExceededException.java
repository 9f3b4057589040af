package io.payreports.http;

/** An exchange with Amazon took longer than its deadline allows; the message names the setting. Retried like a timeout. */
public final class DeadlineExceededException extends RuntimeException {

    public DeadlineExceededException(String message) {
        super(message);
    }
}
