package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2xx SP-API answer whose shape the client does not know. Failing beats reading it as "nothing":
 * a silent zero would move the watermark past data. The message names the operation, what was
 * missing and the top-level fields that were there (names only, never values).
 */
public class UnrecognisedAnswerException extends IllegalStateException {

    public UnrecognisedAnswerException(SpApiOperation operation, String missing, JsonNode answer) {
        super(operation + " answered in a shape payreports does not recognise: " + missing + " (top-level fields: "
                + fieldNames(answer) + ")");
    }

    private static List<String> fieldNames(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
