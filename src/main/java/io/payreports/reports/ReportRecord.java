package io.payreports.reports;

import java.util.Map;

/**
 * What every flat-file report record carries besides its CSV columns: where it came from, the report's
 * header block, the original text of values whose parsing loses something (timestamps lose the offset
 * Amazon wrote), and the columns the file had that the model does not know. The reader fills these in;
 * Bindy only sets the {@code @DataField}s of the subclass.
 */
public abstract class ReportRecord {

    private String reportId;
    private long lineNumber;
    private ReportHeader header = ReportHeader.ABSENT;
    private Map<String, String> rawValues = Map.of();
    private Map<String, String> extraColumns = Map.of();

    final void locate(
            String reportId,
            long lineNumber,
            ReportHeader header,
            Map<String, String> rawValues,
            Map<String, String> extraColumns) {
        this.reportId = reportId;
        this.lineNumber = lineNumber;
        this.header = header;
        this.rawValues = rawValues;
        this.extraColumns = extraColumns;
    }

    public String getReportId() {
        return reportId;
    }

    /** 1-based physical line of the file where this record starts (a quoted field may span lines). */
    public long getLineNumber() {
        return lineNumber;
    }

    public ReportHeader getHeader() {
        return header;
    }

    /** The text as written in the file, by column name, for values whose typed form drops something. */
    public String getRawValue(String columnName) {
        return rawValues.get(columnName);
    }

    /** Columns of the file that the model does not declare, by header name, in file order; never null. */
    public Map<String, String> getExtraColumns() {
        return extraColumns;
    }
}
