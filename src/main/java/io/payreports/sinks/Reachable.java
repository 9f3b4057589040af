package io.payreports.sinks;

/**
 * A destination that can be asked whether it answers, for {@code validate --connect} and the sink health
 * checks: the check logs in or asks for metadata, and reads and writes no data.
 */
@FunctionalInterface
public interface Reachable {

    /** What answered, e.g. {@code bucket finance-reports exists}; throws with the reason when nothing did. */
    String reach() throws Exception;

    /**
     * Why {@link #reach()} failed, in one line: the message and its cause's, as a client library's "cannot
     * connect" alone does not say whether the server was down or refused the login; pre-signed URL queries cut off.
     */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return Redaction.presignedUrls(message.replaceAll("\\s+", " "));
    }
}
