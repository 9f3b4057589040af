package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink that stores each report as one file in a remote store through a Camel endpoint (sftp,
 * aws2-s3). The report is encoded into a local temporary file while it is written, so memory stays
 * flat however long it is, and uploaded whole at {@link ReportWriter#commit()}; the endpoint's
 * options make the upload appear at once (SFTP: temporary name, then rename; S3: objects appear
 * when complete). Uploading again replaces the earlier file.
 */
public final class UploadSink implements RecordSink, Reachable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadSink.class);

    private final String name;
    private final ProducerTemplate template;
    private final String endpointUri;
    private final String targetHeader;
    private final TargetPattern target;
    private final Path tempDirectory;
    private final Reachable remote;

    /**
     * @param endpointUri  resolved at the first upload, not before: the aws2-s3 endpoint checks its
     *                     bucket when it starts, and a store that is down then must be retried like
     *                     any failed upload instead of failing the application's start
     * @param targetHeader the endpoint's header naming the remote file, e.g. {@code CamelFileName}
     * @param remote       asks the remote store whether it answers (login, bucket), for {@code validate --connect}
     */
    public UploadSink(
            String name,
            ProducerTemplate template,
            String endpointUri,
            String targetHeader,
            TargetPattern target,
            Path tempDirectory,
            Reachable remote) {
        this.name = name;
        this.template = template;
        this.endpointUri = endpointUri;
        this.targetHeader = targetHeader;
        this.target = target;
        this.tempDirectory = tempDirectory;
        this.remote = remote;
    }

    @Override
    public String reach() throws Exception {
        return remote.reach();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> ReportWriter<T> open(ReportContext report, RecordLayout<T> layout) throws IOException {
        Files.createDirectories(tempDirectory);
        Path file = Files.createTempFile(tempDirectory, "upload-", ".part");
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            return new Writer<>(
                    layout, file, out, target.encoding().open(out, layout.columns()), target.resolve(report, layout));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private final class Writer<T> implements ReportWriter<T> {

        private final RecordLayout<T> layout;
        private final Path file;
        private final OutputStream out;
        private final Encoding.Output encoded;
        private final String remoteName;
        private long count;

        Writer(RecordLayout<T> layout, Path file, OutputStream out, Encoding.Output encoded, String remoteName) {
            this.layout = layout;
            this.file = file;
            this.out = out;
            this.encoded = encoded;
            this.remoteName = remoteName;
        }

        @Override
        public void write(T record) throws IOException {
            encoded.write(layout.values(record));
            count++;
        }

        @Override
        public void commit() throws Exception {
            encoded.finish();
            out.close();
            Exchange sent = template.send(endpointUri, exchange -> {
                exchange.getMessage().setBody(file.toFile());
                exchange.getMessage().setHeader(targetHeader, remoteName);
            });
            if (sent.getException() != null) {
                throw sent.getException();
            }
            LOG.debug("sink {}: uploaded {} records as {}", name, count, remoteName);
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public void close() {
            try {
                encoded.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("sink {}: could not delete the temporary file {}: {}", name, file, e.toString());
            }
        }
    }
}
