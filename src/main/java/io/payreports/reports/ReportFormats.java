package io.payreports.reports;

import org.apache.camel.CamelContext;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which reader and sink layout serve each Amazon report type. */
public final class ReportFormats {

    private final CamelContext camelContext;
    /** The sandbox settlement report has the live one's layout (seed 000/001): sandbox jobs parse alike. */
    private final Map<String, RecordLayout<?>> layouts = Map.of(
            SettlementReportReader.REPORT_TYPE, SettlementRecordLayout.INSTANCE,
            "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_", SettlementRecordLayout.INSTANCE);

    /** @param camelContext used by Bindy while binding rows */
    public ReportFormats(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public Set<String> reportTypes() {
        return new TreeSet<>(layouts.keySet());
    }

    public Optional<RecordLayout<?>> layout(String reportType) {
        return Optional.ofNullable(layouts.get(reportType));
    }

    /**
     * Streams the rows of a downloaded document (plain, gzip or zip). The caller closes the rows,
     * which closes the document.
     */
    public Rows<?> open(String reportType, InputStream document, String reportId) throws IOException {
        if (!layouts.containsKey(reportType)) {
            throw new IllegalArgumentException("no reader for report type " + reportType + "; supported: " + reportTypes());
        }
        SettlementReportReader reader = new SettlementReportReader(DocumentStreams.open(document), reportId, camelContext);
        return new Rows<>(reader, reader);
    }

    /** Parsed rows of one document, read lazily; closing releases the document. */
    public record Rows<T>(Iterator<ParsedRow<T>> iterator, Closeable document) implements Iterator<ParsedRow<T>>, Closeable {

        /** Records a source already has as objects; their line number is their place in the list. */
        public static <T> Rows<T> of(List<T> records) {
            List<ParsedRow<T>> rows = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                rows.add(new ParsedRow.Bound<>(i + 1, records.get(i)));
            }
            return new Rows<>(rows.iterator(), () -> { });
        }

        @Override
        public boolean hasNext() {
            return iterator.hasNext();
        }

        @Override
        public ParsedRow<T> next() {
            return iterator.next();
        }

        @Override
        public void close() throws IOException {
            document.close();
        }
    }
}
