package io.payreports.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The packing of a downloaded document decided by its first bytes, and the limits applied to the last byte. */
class DocumentStreamsTest {

    private static final long MIB = 1L << 20;

    @Test
    void aPlainDocumentIsOnePartWhateverItsFirstBytes() throws IOException {
        assertThat(parts(bytes("id\n1\n"), ReportLimits.DEFAULTS)).containsExactly("id\n1\n");
        assertThat(parts(bytes("PK"), ReportLimits.DEFAULTS))
                .as("too short for a zip")
                .containsExactly("PK");
        assertThat(parts(new byte[] {0x1f}, ReportLimits.DEFAULTS))
                .as("too short for gzip")
                .containsExactly("\u001f");
        assertThat(parts(new byte[0], ReportLimits.DEFAULTS))
                .as("an empty document is one empty part")
                .containsExactly("");
    }

    @Test
    void aGzipDocumentIsInflated() throws IOException {
        assertThat(parts(gzip(bytes("id\n1\n")), ReportLimits.DEFAULTS)).containsExactly("id\n1\n");
    }

    @Test
    void aZipGivesItsDataFilesInOrderSkippingFoldersAndHiddenFiles() throws IOException {
        byte[] zip = zip(
                "a/",
                "",
                "a/first.csv",
                "1",
                "__MACOSX/a/._first.csv",
                "x",
                "a/.hidden",
                "x",
                ".DS_Store",
                "x",
                "b/second.txt",
                "2",
                "third",
                "3");

        assertThat(parts(zip, ReportLimits.DEFAULTS)).containsExactly("1", "2", "3");
    }

    @Test
    void theDownloadMayBeExactlyAsLargeAsItsLimitButNotOneByteMore() throws IOException {
        byte[] document = new byte[1000];

        assertThat(parts(document, limits(1000, MIB, 200)).get(0)).hasSize(1000);
        assertThatThrownBy(() -> parts(document, limits(999, MIB, 200)))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("the download exceeds payreports.reports.max-download-size (999 bytes)");
    }

    @Test
    void theInflatedDocumentMayBeExactlyAsLargeAsItsLimitButNotOneByteMore() throws IOException {
        byte[] document = gzip(new byte[5000]);

        assertThat(parts(document, limits(MIB, 5000, 200)).get(0)).hasSize(5000);
        assertThatThrownBy(() -> parts(document, limits(MIB, 4999, 200)))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("the uncompressed document exceeds payreports.reports.max-uncompressed-size (4999 bytes)");
        assertThatThrownBy(() -> parts(zip("big.csv", "x".repeat(5000)), limits(MIB, 4999, 200)))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessageStartingWith("the uncompressed document exceeds");
    }

    @Test
    void theCompressionRatioIsCheckedOnlyAboveOneMebibyte() throws IOException {
        byte[] atTheFloor = gzip(new byte[(int) MIB]);
        byte[] aboveTheFloor = gzip(new byte[(int) MIB + 1]);

        assertThat(parts(atTheFloor, limits(MIB, 16 * MIB, 2)).get(0)).hasSize((int) MIB);
        assertThatThrownBy(() -> parts(aboveTheFloor, limits(MIB, 16 * MIB, 2)))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("the document inflates more than payreports.reports.max-compression-ratio (2:1) allows: "
                        + (MIB + 1) + " bytes from " + aboveTheFloor.length + "; a zip bomb or a limit set too low");
        assertThat(parts(aboveTheFloor, limits(MIB, 16 * MIB, (int) (MIB + 1) / aboveTheFloor.length + 1))
                        .get(0))
                .as("within the ratio")
                .hasSize((int) MIB + 1);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ReportLimits(0, 1, 1, 1)).hasMessage("report limits must be positive");
        assertThatThrownBy(() -> new ReportLimits(1, 0, 1, 1)).hasMessage("report limits must be positive");
        assertThatThrownBy(() -> new ReportLimits(1, 1, 0, 1)).hasMessage("report limits must be positive");
        assertThatThrownBy(() -> new ReportLimits(1, 1, 1, -1)).hasMessage("report limits must be positive");
        assertThat(new ReportLimits(1, 1, 1, 1).maxLineLength()).isEqualTo(1);
    }

    private static ReportLimits limits(long download, long uncompressed, int ratio) {
        return new ReportLimits(download, uncompressed, ratio, 1 << 20);
    }

    /** Every part read to its end, as text; the document is closed afterwards. */
    private static List<String> parts(byte[] document, ReportLimits limits) throws IOException {
        List<String> texts = new ArrayList<>();
        try (DocumentStreams.Parts parts = DocumentStreams.open(new ByteArrayInputStream(document), limits)) {
            for (InputStream part = parts.next(); part != null; part = parts.next()) {
                texts.add(new String(part.readAllBytes(), StandardCharsets.ISO_8859_1));
                part.close(); // as a reader does: must not close the document under the next part
            }
            assertThat(parts.next()).isNull();
        }
        return texts;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /** Entries as name, content pairs; a name ending in / is a folder. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(bytes(namesAndContents[i + 1]));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
