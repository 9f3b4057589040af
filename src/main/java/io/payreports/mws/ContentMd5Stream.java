package io.payreports.mws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks a GetReport body against its {@code Content-MD5} header as it streams: the report is never
 * held whole, and a body that arrives damaged fails at its last byte, before the delivery commits.
 */
final class ContentMd5Stream extends FilterInputStream {

    private final MessageDigest md5;
    private final String expected;
    private final String reportId;
    private boolean checked;

    ContentMd5Stream(InputStream in, String expectedBase64, String reportId) {
        super(in);
        this.expected = expectedBase64.strip();
        this.reportId = reportId;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            md5.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            md5.update(buffer, offset, n);
        }
        return n;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = Base64.getEncoder().encodeToString(md5.digest());
        if (!actual.equals(expected)) {
            throw new IOException("report " + reportId + " arrived damaged: Content-MD5 " + expected
                    + " announced, body has " + actual);
        }
    }
}
