package io.payreports.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the command and the page write times, lags and the JSON form: the same everywhere an operator reads them. */
public final class StatusFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a status from a newer runtime may carry more fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StatusFormat() {}

    /** UTC to the second; {@code -} for none. */
    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** A lag as an operator reads it: {@code 45s}, {@code 12m}, {@code 3h 05m}, {@code 2d 04h}; {@code -} for none. */
    public static String lag(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return String.format("%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }

    /** {@code -} for a value the state database does not have. */
    public static String value(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** The JSON form read back, as {@code status} does from a running instance's {@code /observe/status.json}. */
    public static Status parse(String json) throws JsonProcessingException {
        return JSON.readValue(json, Status.class);
    }

    /** The {@code --json} form (and {@code /observe/status.json}): ISO-8601 instants, nulls kept so every field is there. */
    public static String json(Status status) {
        try {
            return JSON.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status not writable as JSON", e);
        }
    }
}
