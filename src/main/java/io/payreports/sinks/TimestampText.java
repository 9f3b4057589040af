package io.payreports.sinks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 text of the timestamps of one layout's columns, exactly as {@link Instant#toString()} writes
 * them. A report's settlement start and end are the same in every one of its rows, so the last text per
 * column is remembered and they are rendered once per report instead of once per row. The others (a row's
 * posting time) are written by hand when they are whole seconds of the years 1000 to 9999, the date part
 * reused while the day stays the same: {@code Instant.toString()} goes through a general
 * {@code DateTimeFormatter} and was the encoders' largest cost. Not thread-safe: one per encoder.
 */
final class TimestampText {

    /** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range where the text is always {@code yyyy-MM-ddTHH:mm:ssZ}. */
    private static final long FIRST_FAST_SECOND = -30_610_224_000L;

    private static final long LAST_FAST_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    private final Instant[] last;
    private final String[] text;
    private long day = Long.MIN_VALUE;
    private final byte[] chars = new byte["yyyy-MM-ddTHH:mm:ssZ".length()];

    TimestampText(int columns) {
        this.last = new Instant[columns];
        this.text = new String[columns];
    }

    String of(int column, Instant instant) {
        if (!instant.equals(last[column])) {
            last[column] = instant;
            text[column] = render(instant);
        }
        return text[column];
    }

    private String render(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            return instant.toString();
        }
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        if (epochDay != day) {
            day = epochDay;
            byte[] date = LocalDate.ofEpochDay(epochDay).toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(date, 0, chars, 0, date.length);
            chars[10] = 'T';
            chars[13] = ':';
            chars[16] = ':';
            chars[19] = 'Z';
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        twoDigits(11, secondOfDay / 3600);
        twoDigits(14, secondOfDay / 60 % 60);
        twoDigits(17, secondOfDay % 60);
        return new String(chars, StandardCharsets.US_ASCII);
    }

    private void twoDigits(int at, int value) {
        chars[at] = (byte) ('0' + value / 10);
        chars[at + 1] = (byte) ('0' + value % 10);
    }
}
