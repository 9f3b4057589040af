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
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date-time: '" + text + "'");
        }
    }
}
