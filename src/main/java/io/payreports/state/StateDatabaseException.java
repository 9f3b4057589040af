package io.payreports.state;

/** The state database could not answer; the message says what was being asked, the cause why. */
public final class StateDatabaseException extends RuntimeException {

    StateDatabaseException(String what, RuntimeException cause) {
        super(what + ": " + describe(cause), cause);
    }

    /** Spring's JDBC exceptions wrap the driver's; the driver's message is the one that says why. */
    public static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
