package io.payreports.bench;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A settlement report shaped like the files merchants download, not like the simulator's tidy ones: a byte
 * order mark, title lines above the header block, every field quoted, CRLF, times with a space before the
 * offset ({@code 2026-10-01T08:15:00 -0800}) next to {@code -0000}, amounts of a thousand and more grouped
 * ({@code 1,234.56}) in most rows, store names with commas, descriptions with doubled quotes, and empty
 * optional columns. Deterministic: the same rows for the same size.
 */
final class RealShapedReport {

    static final String SELLER_ID = "A1BENCHSELLER01";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final LocalDateTime START = LocalDateTime.of(2026, 10, 1, 0, 0);
    private static final String[] TYPES = {"Capture", "Capture", "Capture", "Refund", "Chargeback", "Adjustment"};
    private static final String[] STORES = {"Court and Cherry, Inc.", "Blue Sweater Shop", "Café \"Übersee\" GmbH"};
    private static final String[] DESCRIPTIONS = {
        "Charge for \"Blue\" Sweater", "", "Order 12, size \"L\"", "Refund for damaged item"
    };

    private RealShapedReport() {}

    static void write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        DecimalFormat grouped = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write("\"Amazon Pay Settlement Report\"\r\n\"Generated for Court and Cherry\"\r\n");
            line(out, "SellerId", "SettlementStartDate", "SettlementEndDate");
            line(out, SELLER_ID, LOCAL.format(START) + " -0800", LOCAL.format(START.plusDays(14)) + " -0800");
            out.write("\r\n");
            line(
                    out,
                    "TransactionPostedDate",
                    "SettlementId",
                    "AmazonTransactionId",
                    "SellerReferenceId",
                    "TransactionType",
                    "AmazonOrderReferenceId",
                    "SellerOrderId",
                    "StoreName",
                    "CurrencyCode",
                    "TransactionDescription",
                    "TransactionAmount",
                    "TransactionPercentageFee",
                    "TransactionFixedFee",
                    "TotalTransactionFee",
                    "NetTransactionAmount");
            for (int i = 0; i < rows; i++) {
                LocalDateTime posted = START.plusSeconds(i * 7L + random.nextInt(7));
                String offset = random.nextInt(10) < 7 ? " -0800" : "-0000";
                String type = TYPES[random.nextInt(TYPES.length)];
                long cents = (random.nextInt(10) < 8 ? 100_000 : 100) + random.nextLong(9_900_000);
                long signed = type.equals("Capture") ? cents : -cents;
                long percentageFee = -Math.round(cents * 0.029);
                long fixedFee = -30;
                line(
                        out,
                        LOCAL.format(posted) + offset,
                        "5044561311",
                        "P01-2400747-" + (7_000_000 + i) + "-C" + (100_000 + i % 900_000),
                        random.nextInt(3) == 0 ? "" : "OALP" + i,
                        type,
                        "P12-4323454-" + (1_000_000 + i),
                        random.nextInt(2) == 0 ? "" : "SO-" + i,
                        STORES[random.nextInt(STORES.length)],
                        "USD",
                        DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)],
                        money(grouped, signed),
                        money(grouped, percentageFee),
                        money(grouped, fixedFee),
                        money(grouped, percentageFee + fixedFee),
                        money(grouped, signed + percentageFee + fixedFee));
            }
        }
    }

    private static String money(DecimalFormat grouped, long cents) {
        return grouped.format(BigDecimal.valueOf(cents, 2));
    }

    /** Every field quoted, quotes inside doubled, as Amazon writes them. */
    private static void line(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            out.write(fields[i].replace("\"", "\"\""));
            out.write('"');
        }
        out.write("\r\n");
    }
}
