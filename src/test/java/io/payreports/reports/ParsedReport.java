package io.payreports.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;

/** A whole document parsed in a test: bound records as column maps (the sink view) and the failures. */
record ParsedReport(List<Map<String, Object>> records, List<ParsedRow.Failed<?>> failures) {

    static ParsedReport parse(CamelContext camel, String reportType, byte[] document, ReadOptions options)
            throws IOException {
        return parse(camel, reportType, new ByteArrayInputStream(document), options);
    }

    static ParsedReport fixture(CamelContext camel, String reportType, String fixture, ReadOptions options)
            throws IOException {
        InputStream in = ParsedReport.class.getResourceAsStream("/reports/" + fixture);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no fixture " + fixture));
        }
        return parse(camel, reportType, in, options);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ParsedReport parse(CamelContext camel, String reportType, InputStream document, ReadOptions options)
            throws IOException {
        RecordLayout layout = ReportModels.model(reportType).orElseThrow();
        List<Map<String, Object>> records = new ArrayList<>();
        List<ParsedRow.Failed<?>> failures = new ArrayList<>();
        try (ReportFormats.Rows<?> rows = new ReportFormats(camel).open(reportType, document, "R1", options)) {
            while (rows.hasNext()) {
                ParsedRow<?> row = rows.next();
                if (row instanceof ParsedRow.Bound<?> bound) {
                    Object[] values = layout.values(bound.record());
                    Map<String, Object> record = new LinkedHashMap<>();
                    for (int i = 0; i < values.length; i++) {
                        record.put(((RecordLayout.Column) layout.columns().get(i)).name(), values[i]);
                    }
                    records.add(record);
                } else {
                    failures.add((ParsedRow.Failed<?>) row);
                }
            }
        }
        return new ParsedReport(records, failures);
    }
}
