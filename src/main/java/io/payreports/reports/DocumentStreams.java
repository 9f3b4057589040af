package io.payreports.reports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a downloaded report document whatever its packing. Amazon's documentation says documents
 * are plain text today but also "in zip format" (seed 001), so the first bytes decide, never the
 * file name or what the API claims.
 */
public final class DocumentStreams {

    private DocumentStreams() {
    }

    public static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(raw, 64 * 1024);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    return new BufferedInputStream(zip, 64 * 1024);
                }
            }
            throw new IOException("the zip document holds no file");
        }
        return in;
    }
}
