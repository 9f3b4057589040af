package io.payreports.reports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How to read one job's report documents.
 *
 * @param charset the text encoding when the file has no byte order mark: the download's Content-Type
 *                charset if it names one, else the job's setting (UTF-8 by default; ISO-8859-1,
 *                windows-1252 or Shift_JIS for some marketplaces)
 * @param amounts how amounts are written
 * @param limits  size bounds
 */
public record ReadOptions(Charset charset, AmountNotation amounts, ReportLimits limits) {

    public static final ReadOptions DEFAULTS =
            new ReadOptions(StandardCharsets.UTF_8, AmountNotation.AUTO, ReportLimits.DEFAULTS);

    public ReadOptions withCharset(Charset other) {
        return new ReadOptions(other, amounts, limits);
    }
}
