package io.payreports.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.apache.camel.dataformat.bindy.Format;

/**
 * Amounts as Amazon writes them in flat-file reports: optional minus sign, comma thousands
 * separators and any number of decimals ({@code 1,000.00}, {@code -32.40}, {@code 0}, {@code 2.2};
 * the Amazon Pay settlement report guide, "Report body"), and decimal-comma amounts ({@code 1.141,18}) as {@link AmountNotation#AUTO}
 * decides. The reader has already rewritten amounts in the job's notation; parsed exactly into
 * {@link BigDecimal}, keeping the written scale.
 * Bindy instantiates this class per field, so it must stay cheap to construct.
 */
public final class AmazonAmountFormat implements Format<BigDecimal> {

    /** Grouping must be well formed either way: "12,34,5" is a corrupt value, not 12345. */
    @Override
    public BigDecimal parse(String text) {
        return new BigDecimal(AmountNotation.AUTO.plain(text));
    }

    @Override
    public String format(BigDecimal amount) {
        return text(amount);
    }

    /** Amazon's rendering: grouped integer part, the amount's own scale (1234.5 at scale 2 → {@code 1,234.50}). */
    public static String text(BigDecimal amount) {
        // DecimalFormat is not thread-safe, so one per call; it formats BigDecimal exactly.
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int scale = Math.max(amount.scale(), 0);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(amount);
    }
}
