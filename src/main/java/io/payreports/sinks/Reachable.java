package io.payreports.sinks;

/**
 * A destination that can be asked whether it answers, for {@code validate --connect}: the check
 * logs in or asks for metadata, and reads and writes no data.
 */
@FunctionalInterface
public interface Reachable {

    /** What answered, e.g. {@code bucket finance-reports exists}; throws with the reason when nothing did. */
    String reach() throws Exception;
}
