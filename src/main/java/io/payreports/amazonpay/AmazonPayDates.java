package io.payreports.amazonpay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Amazon Pay writes report times in ISO 8601 basic form ({@code 20221118T150630Z}, seed 000) but
 * takes query filters such as {@code createdSince} in extended form ({@code 2022-11-18T15:06:30Z}).
 */
public final class AmazonPayDates {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Seed 000's request bodies write times as {@code 2022-08-04T23-59-59Z}, dashes in the time. */
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private AmazonPayDates() {
    }

    public static String basic(Instant instant) {
        return BASIC.format(instant);
    }

    /** Accepts the basic form Amazon answers with and the extended ISO 8601 forms. */
    public static Instant parse(String text) {
        String value = text.trim();
        try {
            if (value.length() == 16 && value.charAt(8) == 'T') {
                return BASIC.parse(value, Instant::from);
            }
            if (value.length() == 20 && value.charAt(13) == '-') {
                return DASHED.parse(value, Instant::from);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date-time: '" + text + "'");
        }
    }
}
