package io.payreports.reports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a downloaded report document whatever its packing, within {@link ReportLimits}. Amazon's
 * documentation says documents are plain text today but also "in zip format" (Amazon Pay report download guide), so the first
 * bytes decide, never the file name or what the API claims. A zip may hold several files: each is a
 * part with its own column line; folders and the hidden files archivers add ({@code __MACOSX/}, dot
 * files) are skipped.
 */
public final class DocumentStreams {

    private static final int BUFFER = 64 * 1024;

    private DocumentStreams() {}

    /** The parts of the document, read one after the other; closing releases the download. */
    public static Parts open(InputStream raw, ReportLimits limits) throws IOException {
        Counter downloaded = new Counter(
                raw,
                limits.maxDownloadBytes(),
                "the download exceeds payreports.reports.max-download-size (" + limits.maxDownloadBytes() + " bytes)");
        BufferedInputStream in = new BufferedInputStream(downloaded, BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new Parts(in, new Inflated(new GZIPInputStream(in, BUFFER), downloaded, limits), null);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            ZipInputStream zip = new ZipInputStream(in);
            return new Parts(zip, new Inflated(zip, downloaded, limits), zip);
        }
        return new Parts(in, in, null);
    }

    /** The files of one document in order: one for plain and gzip documents, each file of a zip. */
    public static final class Parts implements Closeable {

        private final Closeable download;
        private final InputStream content;
        private final ZipInputStream zip;
        private boolean singleTaken;

        private Parts(Closeable download, InputStream content, ZipInputStream zip) {
            this.download = download;
            this.content = content;
            this.zip = zip;
        }

        /** The next part, or null when there is none. Reading it to its end is the caller's business. */
        public InputStream next() throws IOException {
            if (zip == null) {
                if (singleTaken) {
                    return null;
                }
                singleTaken = true;
                return unclosable(content);
            }
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && isData(entry.getName())) {
                    return unclosable(content);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            download.close();
        }

        private static boolean isData(String name) {
            String base = name.substring(name.lastIndexOf('/') + 1);
            return !name.startsWith("__MACOSX/") && !base.startsWith(".");
        }

        /** Readers close their part when done; that must not close the zip under the next entry. */
        private static InputStream unclosable(InputStream in) {
            return new BufferedInputStream(
                    new FilterInputStream(in) {
                        @Override
                        public void close() {
                            // the document is closed by Parts.close()
                        }
                    },
                    BUFFER);
        }
    }

    /** Counts bytes through it and refuses to go past a limit. */
    private static class Counter extends FilterInputStream {

        private final long limit;
        private final String exceeded;
        long count;

        Counter(InputStream in, long limit, String exceeded) {
            super(in);
            this.limit = limit;
            this.exceeded = exceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        void counted(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new DocumentRejectedException(exceeded);
            }
        }
    }

    /** Decompressed bytes: bounded in total and against the bytes downloaded so far (zip bombs). */
    private static final class Inflated extends Counter {

        private final Counter downloaded;
        private final int maxRatio;

        Inflated(InputStream in, Counter downloaded, ReportLimits limits) {
            super(
                    in,
                    limits.maxUncompressedBytes(),
                    "the uncompressed document exceeds payreports.reports.max-uncompressed-size ("
                            + limits.maxUncompressedBytes() + " bytes)");
            this.downloaded = downloaded;
            this.maxRatio = limits.maxCompressionRatio();
        }

        @Override
        void counted(long n) throws IOException {
            super.counted(n);
            if (count > ReportLimits.RATIO_FLOOR_BYTES && count > (double) maxRatio * Math.max(downloaded.count, 1)) {
                throw new DocumentRejectedException(
                        "the document inflates more than payreports.reports.max-compression-ratio (" + maxRatio
                                + ":1) allows: " + count + " bytes from " + downloaded.count
                                + "; a zip bomb or a limit set too low");
            }
        }
    }
}
