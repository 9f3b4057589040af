package io.payreports.reports;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.BindyCsvFactory;
import org.apache.camel.dataformat.bindy.csv.BindyCsvDataFormat;

/**
 * Binds already tokenized CSV fields to a Bindy {@code @CsvRecord} class, one row at a time, through Bindy
 * itself: for models that use Bindy features {@link CompiledRowBinder} does not implement, and as the
 * reference the compiled binder is tested against.
 * Bindy's own unmarshal splits lines with a regex (no quoted line breaks) and collects the whole
 * stream into a list; we tokenize with FastCSV and only borrow Bindy's binding, the same
 * {@code factory()} / {@code bind(...)} calls its unmarshal makes per line.
 *
 * @param <T> the Bindy record class
 */
final class BindyRowBinder<T extends ReportRecord> implements RowBinder<T> {

    // Bindy names the failing field by position only ("... at the position: 11, line: 17").
    private static final Pattern POSITION = Pattern.compile("position:? (\\d+)");

    private final Class<T> type;
    private final CamelContext camelContext;
    private final BindyCsvFactory factory;
    private final List<String> columnNames;

    BindyRowBinder(ReportModel<T> model, CamelContext camelContext) {
        this.type = model.recordType();
        this.camelContext = camelContext;
        this.columnNames = model.csvColumns();
        BindyCsvDataFormat dataFormat = new BindyCsvDataFormat(type);
        dataFormat.setCamelContext(camelContext);
        dataFormat.setDefaultValueStringAsNull(true); // Amazon leaves conditional ids empty: absent, not ""
        try {
            this.factory = (BindyCsvFactory) dataFormat.getFactory();
        } catch (Exception e) {
            throw new IllegalStateException("Bindy cannot build a model for " + type.getName(), e);
        }
    }

    @Override
    public T bind(List<String> fields, long lineNumber) throws RowRejectedException {
        if (fields.size() != columnNames.size()) {
            throw new RowRejectedException("expected " + columnNames.size() + " fields, found " + fields.size());
        }
        try {
            Map<String, Object> model = factory.factory();
            // Bindy only quotes the line in its messages, which we rewrite anyway
            factory.bind(camelContext, fields, model, (int) Math.min(lineNumber, Integer.MAX_VALUE));
            return type.cast(model.get(type.getName()));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(reason(e));
        } catch (Exception e) {
            throw new IllegalStateException("Bindy failed on " + type.getName() + " at line " + lineNumber, e);
        }
    }

    /** Turns Bindy's message into "Column: what is wrong", using our format's message where it has one. */
    private String reason(IllegalArgumentException e) {
        Matcher position = POSITION.matcher(String.valueOf(e.getMessage()));
        // Bindy's positions are the 1-based @DataField pos, which our models number 1..n without gaps
        String column = position.find() ? columnNames.get(Integer.parseInt(position.group(1)) - 1) : null;
        String problem;
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            problem = e.getCause().getMessage();
        } else if (String.valueOf(e.getMessage()).contains("mandatory")) {
            problem = "required value missing";
        } else {
            problem = e.getMessage();
        }
        return column == null ? problem : column + ": " + problem;
    }
}
