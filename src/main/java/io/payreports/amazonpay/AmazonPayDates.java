package io.payreports.amazonpay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Amazon Pay writes times in ISO 8601 basic form ({@code 20221118T150630Z}): in its answers (Amazon
 * Pay reports API reference) and in what the official SDK sends ({@code x-amz-pay-date}, and the
 * {@code startTime}/{@code endTime}/{@code nextReportCreationTime} of its README's reporting samples).
 * So we send that form, whole seconds, and read it, the extended ISO forms and the reference's
 * dashed request examples alike.
 */
public final class AmazonPayDates {

    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The reference's request bodies write times as {@code 2022-08-04T23-59-59Z}, dashes in the time. */
    private static final DateTimeFormatter DASHED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private AmazonPayDates() {}

    /** The basic form; a fraction of a second is dropped (the form has none), so a window's start never moves later. */
    public static String basic(Instant instant) {
        return BASIC.format(instant);
    }

    /** Accepts the basic form Amazon answers with, the reference's dashed form and the extended ISO 8601 forms. */
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
