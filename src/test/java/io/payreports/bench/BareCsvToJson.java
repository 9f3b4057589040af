package io.payreports.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The bench's baseline for {@code parse}: the same job done with the raw tools and no framework, in its own
 * JVM as {@code parse} is. It tokenizes a settlement report with FastCSV, types the values ({@link Instant},
 * {@link BigDecimal}), and writes to stdout, through Jackson's streaming generator, exactly the bytes
 * {@code payreports parse} writes (the bench checks that). It knows the bench file's layout in advance
 * instead of discovering it, and checks nothing payreports checks beyond what typing the values needs.
 */
public final class BareCsvToJson {

    private static final DateTimeFormatter AMAZON_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[ ]xx", Locale.ROOT);
    private static final String[] TEXT_COLUMNS = {
        "settlementId",
        "amazonTransactionId",
        "sellerReferenceId",
        "transactionType",
        "amazonOrderReferenceId",
        "sellerOrderId",
        "storeName",
        "currencyCode",
        "transactionDescription"
    };
    private static final String[] AMOUNT_COLUMNS = {
        "transactionAmount",
        "transactionPercentageFee",
        "transactionFixedFee",
        "totalTransactionFee",
        "netTransactionAmount"
    };

    private BareCsvToJson() {}

    /** {@code BareCsvToJson FILE}: JSON Lines on stdout. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String name = file.getFileName().toString();
        String reportId = name.substring(0, name.indexOf('.'));
        JsonFactory factory =
                new JsonFactoryBuilder().rootValueSeparator((String) null).build();
        try (InputStream in = withoutBom(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                CsvReader<CsvRecord> csv = CsvReader.builder()
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8));
                OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
                JsonGenerator json = factory.createGenerator(stdout)) {
            String sellerId = null;
            Instant start = null;
            Instant end = null;
            boolean body = false;
            CsvRecord previous = null;
            for (CsvRecord record : csv) {
                if (body) {
                    write(json, reportId, record, sellerId, start, end);
                } else if (record.getField(0).equals("TransactionPostedDate")) {
                    body = true;
                } else if (previous != null && previous.getField(0).equals("SellerId")) {
                    sellerId = record.getField(0);
                    start = instant(record.getField(1));
                    end = instant(record.getField(2));
                }
                previous = record;
            }
        }
    }

    private static void write(
            JsonGenerator json, String reportId, CsvRecord row, String sellerId, Instant start, Instant end)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("reportId", reportId);
        json.writeNumberField("lineNumber", row.getStartingLineNumber());
        json.writeStringField("sellerId", sellerId);
        json.writeStringField("settlementStartDate", start.toString());
        json.writeStringField("settlementEndDate", end.toString());
        String posted = row.getField(0).trim();
        json.writeStringField("transactionPostedDate", instant(posted).toString());
        for (int i = 0; i < TEXT_COLUMNS.length; i++) {
            String text = row.getField(1 + i);
            json.writeStringField(TEXT_COLUMNS[i], text.isEmpty() ? null : text);
        }
        for (int i = 0; i < AMOUNT_COLUMNS.length; i++) {
            json.writeStringField(
                    AMOUNT_COLUMNS[i],
                    new BigDecimal(row.getField(10 + i).trim().replace(",", "")).toPlainString());
        }
        json.writeStringField("transactionPostedDateRaw", posted);
        json.writeNullField("extraColumns");
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text, AMAZON_TIME).toInstant();
    }

    private static InputStream withoutBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF)) {
            in.reset();
        }
        return in;
    }
}
