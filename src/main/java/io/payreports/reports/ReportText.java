package io.payreports.reports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns one document part into text the CSV tokenizer can read: the charset from a byte order mark if
 * there is one, else the configured one; and the field separator, found on the column line.
 */
final class ReportText {

    /** How far ahead the separator is looked for: title lines and a header block are short. */
    private static final int SNIFF_CHARS = 64 * 1024;

    private static final char[] SEPARATORS = {',', '\t', ';'};

    private ReportText() {}

    /**
     * Decodes strictly: bytes that are not valid in the charset fail the read (a {@code MalformedInputException})
     * instead of becoming replacement characters, which would silently change ids and names.
     */
    static BufferedReader decode(InputStream part, Charset configured) throws IOException {
        BufferedInputStream in =
                part instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(part);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        in.reset();
        Charset charset = configured;
        int skip = 0;
        if (bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (bom.length >= 2 && (bom[0] & 0xff) == 0xFF && (bom[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bom.length >= 2 && (bom[0] & 0xff) == 0xFE && (bom[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        in.skipNBytes(skip);
        Reader reader = new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new BufferedReader(reader, SNIFF_CHARS);
    }

    /**
     * The separator of the first line, within the first 64 KiB, that names the given column: whichever
     * of comma, tab and semicolon it holds most of. Comma when no such line is found (the reader then
     * reports the missing column line).
     */
    static char separator(BufferedReader text, String columnName) throws IOException {
        text.mark(SNIFF_CHARS);
        char[] ahead = new char[SNIFF_CHARS];
        int length = 0;
        for (int n = 0; n >= 0 && length < ahead.length; n = text.read(ahead, length, ahead.length - length)) {
            length += n;
        }
        text.reset();
        String wanted = columnName.toLowerCase(Locale.ROOT);
        return new String(ahead, 0, length)
                .lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).contains(wanted))
                .findFirst()
                .map(ReportText::mostFrequent)
                .orElse(',');
    }

    private static char mostFrequent(String line) {
        char best = ',';
        long bestCount = 0;
        for (char separator : SEPARATORS) {
            long count = line.chars().filter(c -> c == separator).count();
            if (count > bestCount) {
                best = separator;
                bestCount = count;
            }
        }
        return best;
    }
}
