package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One report being written to one hidden file per format; see {@link FileRecordsSink}. */
final class FileReportWriter<T> implements ReportWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(FileReportWriter.class);

    record Output(PartFile file, Encoding.Output encoder) {

        void discard() {
            try {
                encoder.close();
            } catch (IOException e) {
                LOG.debug("Closing discarded {} failed: {}", file.target(), e.toString());
            }
            file.discard();
        }
    }

    private final RecordLayout<T> layout;
    private final List<Output> outputs;
    private long count;
    private boolean committed;

    FileReportWriter(RecordLayout<T> layout, List<Output> outputs) {
        this.layout = layout;
        this.outputs = outputs;
    }

    @Override
    public void write(T record) throws IOException {
        Object[] values = layout.values(record);
        for (Output output : outputs) {
            output.encoder().write(values);
        }
        count++;
    }

    /** Syncs every format first and renames afterwards, so a failing disk publishes nothing. */
    @Override
    public void commit() throws IOException {
        for (Output output : outputs) {
            output.encoder().finish();
            output.file().sync();
            output.encoder().close();
        }
        for (Output output : outputs) {
            output.file().publish();
        }
        committed = true;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (!committed) {
            outputs.forEach(Output::discard);
        }
    }
}
