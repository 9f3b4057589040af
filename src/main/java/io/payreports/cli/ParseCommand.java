package io.payreports.cli;

import io.payreports.reports.AmountNotation;
import io.payreports.reports.DocumentRejectedException;
import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReadOptions;
import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportFormats;
import io.payreports.reports.ReportLimits;
import io.payreports.sinks.FileFormat;
import io.payreports.sinks.RowEncoder;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Parses a downloaded report file (plain, gzip or zip) and writes one JSON object per record",
            "to stdout (JSON Lines; money as exact decimal strings, times as ISO-8601 UTC).",
            "Rows that cannot be parsed go to stderr as 'line N: reason'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every row parsed",
            "2:bad usage (unknown report type, unreadable file, file over a limit or not in the charset)",
            "3:some rows could not be parsed"
        })
public class ParseCommand implements Callable<Integer> {

    @Option(
            names = "--report-type",
            required = true,
            paramLabel = "TYPE",
            description = "Amazon report type, e.g. _GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_")
    String reportType;

    @Option(
            names = "--charset",
            paramLabel = "NAME",
            defaultValue = "UTF-8",
            description =
                    "Text encoding when the file has no byte order mark, e.g. windows-1252, Shift_JIS (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(
            names = "--amounts",
            paramLabel = "NOTATION",
            defaultValue = "auto",
            description =
                    "How amounts are written: auto, decimal-point (1,000.00) or decimal-comma (1.000,00) (default: ${DEFAULT-VALUE}).")
    String amounts;

    @Parameters(index = "0", paramLabel = "FILE", description = "The report document.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(file)) {
            System.err.println("parse: " + file + " is a directory; give one report file (plain, .gz or .zip)");
            return 2;
        }
        // only a model the compiled binder does not cover needs Camel (for Bindy): none of the built-in ones,
        // so parse does not pay for starting one
        AtomicReference<CamelContext> camel = new AtomicReference<>();
        try {
            ReportFormats formats = new ReportFormats(
                    () -> camel.updateAndGet(created -> created != null ? created : new DefaultCamelContext()));
            RecordLayout<?> layout = formats.layout(reportType).orElse(null);
            if (layout == null) {
                System.err.println(
                        "parse: unknown report type " + reportType + "; supported: " + formats.reportTypes());
                return 2;
            }
            ReadOptions options;
            try {
                options = new ReadOptions(charset, AmountNotation.of(amounts), ReportLimits.DEFAULTS);
            } catch (IllegalArgumentException e) {
                System.err.println("parse: --amounts: " + e.getMessage());
                return 2;
            }
            long rejected;
            try (InputStream document = Files.newInputStream(file)) {
                rejected = parse(formats.open(reportType, document, reportId(), options), layout);
            } catch (NoSuchFileException e) {
                System.err.println("parse: cannot read " + file + ": file not found");
                return 2;
            } catch (DocumentRejectedException | UncheckedIOException e) {
                System.err.println("parse: " + file + ": " + rejection(e));
                return 2;
            }
            return rejected == 0 ? 0 : 3;
        } finally {
            if (camel.get() != null) {
                camel.get().stop();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long parse(ReportFormats.Rows<?> rows, RecordLayout layout) throws IOException {
        long rejected = 0;
        try (rows;
                RowEncoder json = FileFormat.JSONL.encoder(
                        new BufferedOutputStream(new UnclosedStdout(), 64 * 1024), layout.columns())) {
            while (rows.hasNext()) {
                ParsedRow<?> row = rows.next();
                if (row instanceof ParsedRow.Bound<?> bound) {
                    json.write(layout.values(bound.record()));
                } else if (row instanceof ParsedRow.Failed<?> failed) {
                    json.flush();
                    System.err.println(failed.message());
                    rejected++;
                }
            }
        }
        return rejected;
    }

    /**
     * stdout belongs to the caller: closing flushes it instead. Whole buffers go through in one call:
     * {@link FilterOutputStream} would otherwise hand them to {@code System.out} byte by byte, each a
     * synchronized {@code PrintStream.write(int)} (62,470 {@code write(2)} calls for 10,000 rows instead of 119).
     */
    private static final class UnclosedStdout extends FilterOutputStream {

        UnclosedStdout() {
            super(System.out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The document-level reason (a limit, the charset) rather than its wrapper. */
    private static String rejection(Exception e) {
        return e.getCause() instanceof DocumentRejectedException rejected ? rejected.getMessage() : e.getMessage();
    }

    /** The file's name without extensions stands in for the report id in the records. */
    private String reportId() {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
