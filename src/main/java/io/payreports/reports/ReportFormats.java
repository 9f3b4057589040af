package io.payreports.reports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;

/** Opens a downloaded report document of any supported type as a stream of parsed rows. */
public final class ReportFormats {

    private final Supplier<CamelContext> camelContext;
    /** Bind through Bindy even where the compiled binder applies: the reference its tests compare with. */
    private final boolean bindyOnly;

    /** @param camelContext used by Bindy for a model the compiled binder does not cover */
    public ReportFormats(CamelContext camelContext) {
        this(() -> camelContext, false);
    }

    /**
     * For callers without a Camel context of their own ({@code parse}): every built-in model is compiled, so
     * the context is only created, by {@code camelContext}, if a model needs Bindy.
     */
    public ReportFormats(Supplier<CamelContext> camelContext) {
        this(camelContext, false);
    }

    private ReportFormats(Supplier<CamelContext> camelContext, boolean bindyOnly) {
        this.camelContext = camelContext;
        this.bindyOnly = bindyOnly;
    }

    /** Every model bound by Bindy itself, as before the compiled binder. */
    static ReportFormats bindingWithBindy(CamelContext camelContext) {
        return new ReportFormats(() -> camelContext, true);
    }

    public Set<String> reportTypes() {
        return ReportModels.reportTypes();
    }

    public Optional<RecordLayout<?>> layout(String reportType) {
        return ReportModels.model(reportType).map(model -> model);
    }

    /** {@link #open(String, InputStream, String, ReadOptions)} with the default options. */
    public Rows<?> open(String reportType, InputStream document, String reportId) throws IOException {
        return open(reportType, document, reportId, ReadOptions.DEFAULTS);
    }

    /**
     * Streams the rows of a downloaded document (plain, gzip or zip; a zip's files one after the other,
     * line numbers counting on). The caller closes the rows, which closes the document.
     */
    public Rows<?> open(String reportType, InputStream document, String reportId, ReadOptions options)
            throws IOException {
        ReportModel<?> model = ReportModels.model(reportType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no reader for report type " + reportType + "; supported: " + reportTypes()));
        DocumentStreams.Parts parts;
        try {
            parts = DocumentStreams.open(document, options.limits());
        } catch (DocumentRejectedException e) {
            throw new DocumentRejectedException("report " + reportId + ": " + e.getMessage(), e);
        }
        return new Rows<>(new PartRows<>(model, parts, reportId, options), parts);
    }

    /** Parsed rows of one document, read lazily; closing releases the document. */
    public record Rows<T>(Iterator<ParsedRow<T>> iterator, Closeable document)
            implements Iterator<ParsedRow<T>>, Closeable {

        /**
         * Records a source already has as objects; their line number is their place in the list. A record
         * with text no sink can store is a failed row, as it would be in a report file ({@link StorableText}).
         */
        public static <T> Rows<T> of(List<T> records, RecordLayout<T> layout) {
            List<RecordLayout.Column> columns = layout.columns();
            List<ParsedRow<T>> rows = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                Object[] values = layout.values(records.get(i));
                String refused = null;
                for (int column = 0; column < values.length && refused == null; column++) {
                    if (values[column] instanceof String text && StorableText.refused(text)) {
                        refused = columns.get(column).name();
                    }
                }
                rows.add(
                        refused == null
                                ? new ParsedRow.Bound<>(i + 1, records.get(i))
                                : new ParsedRow.Failed<>(
                                        i + 1,
                                        StorableText.reason(refused),
                                        ReportReader.rawLine(Arrays.stream(values)
                                                .map(value -> value == null ? "" : value.toString())
                                                .toList())));
            }
            return new Rows<>(rows.iterator(), () -> {});
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

    /** The rows of each part of a document in turn, each part read by its own {@link ReportReader}. */
    private final class PartRows<T extends ReportRecord> implements Iterator<ParsedRow<T>> {

        private final ReportModel<T> model;
        private final DocumentStreams.Parts parts;
        private final String reportId;
        private final ReadOptions options;
        private Iterator<ParsedRow<T>> current = Collections.emptyIterator();
        private ReportReader<T> reader;
        private boolean partsLeft = true;

        PartRows(ReportModel<T> model, DocumentStreams.Parts parts, String reportId, ReadOptions options) {
            this.model = model;
            this.parts = parts;
            this.reportId = reportId;
            this.options = options;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && partsLeft) {
                try {
                    InputStream part = parts.next();
                    if (part == null) {
                        partsLeft = false;
                    } else {
                        long offset = reader == null ? 0 : reader.lastLineNumber();
                        RowBinder<T> binder = bindyOnly
                                ? new BindyRowBinder<>(model, camelContext.get())
                                : model.binder(camelContext);
                        reader = new ReportReader<>(model, part, reportId, offset, options, binder);
                        current = reader;
                    }
                } catch (DocumentRejectedException e) {
                    throw e.in(reportId, "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return current.hasNext();
        }

        @Override
        public ParsedRow<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
