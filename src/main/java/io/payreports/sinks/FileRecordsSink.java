package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes each report to {@code <outDir>/<layout>/<reportId>.<jsonl|csv>}, another account's than the default
 * account's to {@code <outDir>/<account>/<layout>/...}. Files appear only at
 * {@link ReportWriter#commit()}, by atomic rename, so a half-written report is never visible and
 * delivering the same report again replaces the earlier files.
 */
public final class FileRecordsSink implements RecordSink {

    /** Report ids become file names: no separators, no leading dot, nothing a shell would trip on. */
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final String name;
    private final Path outDir;
    private final Set<FileFormat> formats;
    private final boolean gzip;

    public FileRecordsSink(Path outDir, Set<FileFormat> formats) {
        this("file", outDir, formats, false);
    }

    /** @param gzip whether files are gzip-compressed ({@code .jsonl.gz}, {@code .csv.gz}) */
    public FileRecordsSink(String name, Path outDir, Set<FileFormat> formats, boolean gzip) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException(
                    "file sink needs at least one format of " + EnumSet.allOf(FileFormat.class));
        }
        this.name = name;
        this.outDir = outDir;
        this.formats = EnumSet.copyOf(formats);
        this.gzip = gzip;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) throws IOException {
        String reportId = report.reportId();
        if (reportId == null || !SAFE_FILE_NAME.matcher(reportId).matches()) {
            throw new IllegalArgumentException("report id cannot be used as a file name: " + reportId);
        }
        Path directory = Files.createDirectories(
                AccountFolders.of(outDir, report.account()).resolve(layout.name()));
        List<FileReportWriter.Output> outputs = new ArrayList<>(formats.size());
        try {
            for (FileFormat format : formats) {
                Encoding encoding = new Encoding(format, gzip);
                PartFile file = PartFile.create(directory.resolve(reportId + "." + encoding.extension()));
                outputs.add(new FileReportWriter.Output(file, openEncoder(encoding, file, layout)));
            }
        } catch (IOException | RuntimeException e) {
            outputs.forEach(FileReportWriter.Output::discard);
            throw e;
        }
        return new FileReportWriter<>(layout, outputs);
    }

    private static Encoding.Output openEncoder(Encoding encoding, PartFile file, RecordLayout<?> layout)
            throws IOException {
        try {
            return encoding.open(file.output(), layout.columns());
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
    }
}
