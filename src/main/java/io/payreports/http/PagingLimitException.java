package io.payreports.http;

/** A listing was ended by {@link PagingGuard}; the message names the limit and its key. Not retried: Amazon would answer the same. */
public final class PagingLimitException extends RuntimeException {

    PagingLimitException(String message) {
        super(message);
    }
}
