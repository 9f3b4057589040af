package io.payreports.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.dataformat.bindy.Format;

/**
 * Timestamps as they appear in Amazon Pay flat files, to a UTC {@link Instant}. The Amazon Pay settlement report guide documents
 * ISO 8601 with a colon-less offset ({@code 2015-05-18T15:48:50-0000}, {@code 2015-09-30T15:00:44-0700});
 * other Amazon outputs use {@code +00:00}, {@code Z}, a space before the offset, {@code 2015-05-18 15:48:50 UTC},
 * zone abbreviations ({@code PST}, {@code PDT}, {@code CET}, {@code MEZ}, {@code JST}) and, in European and
 * Japanese marketplaces' files, day-first dates ({@code 30.09.2015 15:00:44 MESZ}, {@code 30/09/2015}).
 * A value without a zone is taken as UTC; a date without a time is midnight. Anything else is rejected
 * with the text. The offset is lost in the Instant, which is why records keep the original string as well.
 */
public final class AmazonTimestampFormat implements Format<Instant> {

    private static final String TIME = "(?:[T ](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?";
    private static final String ZONE = " ?(Z|[A-Za-z]{3,4}|[+-]\\d{2}:?\\d{2})?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})" + TIME + ZONE);
    /** Day first with dots ({@code 30.09.2015}) or slashes; slashes with a second number over 12 are month first. */
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})" + TIME + ZONE);

    /** Fixed offsets of the zone names Amazon's files use; a named region would need a date rule Amazon never states. */
    private static final Map<String, ZoneOffset> ZONE_NAMES = Map.ofEntries(
            Map.entry("Z", ZoneOffset.UTC),
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("PST", ZoneOffset.ofHours(-8)),
            Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("MEZ", ZoneOffset.ofHours(1)),
            Map.entry("MESZ", ZoneOffset.ofHours(2)),
            Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("JST", ZoneOffset.ofHours(9)));

    /** Amazon's own form, as in the Amazon Pay settlement report guide: {@code 2015-05-18T15:48:50-0000}. */
    private static final DateTimeFormatter AMAZON = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");

    @Override
    public Instant parse(String text) {
        String trimmed = text.trim();
        try {
            Instant common = commonShape(trimmed);
            if (common != null) {
                return common;
            }
            Matcher iso = ISO.matcher(trimmed);
            if (iso.matches()) {
                return at(
                        LocalDate.of(number(iso, 1), number(iso, 2), number(iso, 3)), iso.group(4), iso.group(5), text);
            }
            Matcher numeric = NUMERIC.matcher(trimmed);
            if (numeric.matches()) {
                int first = number(numeric, 1);
                int second = number(numeric, 3);
                boolean monthFirst = numeric.group(2).equals("/") && second > 12;
                LocalDate date = monthFirst
                        ? LocalDate.of(number(numeric, 4), first, second)
                        : LocalDate.of(number(numeric, 4), second, first);
                return at(date, numeric.group(5), numeric.group(6), text);
            }
        } catch (DateTimeException e) {
            throw notATimestamp(text); // well-shaped but impossible, e.g. month 13 or offset +25:00
        }
        throw notATimestamp(text);
    }

    @Override
    public String format(Instant instant) {
        return AMAZON.format(instant.atOffset(ZoneOffset.UTC));
    }

    /**
     * The shapes nearly every row has, read without a regular expression (per row, the regex and
     * {@code LocalTime.parse} were a fifth of the reader's time): {@code 2015-05-18T15:48:50} followed by
     * {@code -0000}, {@code -0700}, {@code " -0800"}, {@code +00:00}, {@code Z} or nothing. Null for any
     * other shape, which the general patterns then read; an impossible date or offset throws
     * {@link DateTimeException} as the general path does.
     */
    private static Instant commonShape(String s) {
        int length = s.length();
        if (length < 19
                || !digits(s, 0, 4)
                || s.charAt(4) != '-'
                || !digits(s, 5, 7)
                || s.charAt(7) != '-'
                || !digits(s, 8, 10)
                || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || !digits(s, 11, 13)
                || s.charAt(13) != ':'
                || !digits(s, 14, 16)
                || s.charAt(16) != ':'
                || !digits(s, 17, 19)) {
            return null;
        }
        int zone = length > 19 && s.charAt(19) == ' ' ? 20 : 19;
        ZoneOffset offset;
        if (zone == length) {
            offset = ZoneOffset.UTC;
        } else if (zone + 1 == length && s.charAt(zone) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (s.charAt(zone) == '+' || s.charAt(zone) == '-') {
            int minutesAt = zone + 3 < length && s.charAt(zone + 3) == ':' ? zone + 4 : zone + 3;
            if (minutesAt + 2 != length || !digits(s, zone + 1, zone + 3) || !digits(s, minutesAt, length)) {
                return null;
            }
            int sign = s.charAt(zone) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(
                    sign * number(s, zone + 1, zone + 3), sign * number(s, minutesAt, length));
        } else {
            return null;
        }
        return LocalDateTime.of(
                        number(s, 0, 4),
                        number(s, 5, 7),
                        number(s, 8, 10),
                        number(s, 11, 13),
                        number(s, 14, 16),
                        number(s, 17, 19))
                .toInstant(offset);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of digits already checked by {@link #digits}. */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static Instant at(LocalDate date, String time, String zone, String text) {
        LocalTime clock = time == null
                ? LocalTime.MIDNIGHT
                : LocalTime.parse(time.length() == 4 || time.length() == 7 ? "0" + time : time);
        return LocalDateTime.of(date, clock).toInstant(offset(zone, text));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static ZoneOffset offset(String zone, String text) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (Character.isLetter(zone.charAt(0))) {
            ZoneOffset named = ZONE_NAMES.get(zone.toUpperCase(Locale.ROOT));
            if (named == null) {
                throw notATimestamp(text);
            }
            return named;
        }
        String withColon = zone.length() == 5 ? zone.substring(0, 3) + ':' + zone.substring(3) : zone;
        return ZoneOffset.of(withColon);
    }

    private static IllegalArgumentException notATimestamp(String text) {
        return new IllegalArgumentException("not a timestamp: '" + text + "'");
    }
}
