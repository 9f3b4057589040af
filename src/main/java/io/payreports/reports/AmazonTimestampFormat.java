package io.payreports.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.dataformat.bindy.Format;

/**
 * Timestamps as they appear in Amazon Pay flat files, to a UTC {@link Instant}. Seed 003 documents
 * ISO 8601 with a colon-less offset ({@code 2015-05-18T15:48:50-0000}, {@code 2015-05-18T14:37:01-0700});
 * other Amazon outputs use {@code +00:00}, {@code Z}, a space before the offset, or
 * {@code 2015-05-18 15:48:50 UTC}. All of them are accepted; anything else is rejected with the text.
 * The offset is lost in the Instant, which is why records keep the original string as well.
 */
public final class AmazonTimestampFormat implements Format<Instant> {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) ?(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})");

    /** Amazon's own form, as in seed 003: {@code 2015-05-18T15:48:50-0000}. */
    private static final DateTimeFormatter AMAZON = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");

    @Override
    public Instant parse(String text) {
        Matcher m = TIMESTAMP.matcher(text.trim());
        if (!m.matches()) {
            throw notATimestamp(text);
        }
        try {
            return LocalDateTime.parse(m.group(1) + 'T' + m.group(2)).toInstant(offset(m.group(3)));
        } catch (DateTimeException e) {
            throw notATimestamp(text); // well-shaped but impossible, e.g. month 13 or offset +25:00
        }
    }

    @Override
    public String format(Instant instant) {
        return AMAZON.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z") || text.equals("UTC") || text.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String withColon = text.length() == 5 ? text.substring(0, 3) + ':' + text.substring(3) : text;
        return ZoneOffset.of(withColon);
    }

    private static IllegalArgumentException notATimestamp(String text) {
        return new IllegalArgumentException("not a timestamp: '" + text + "'");
    }
}
