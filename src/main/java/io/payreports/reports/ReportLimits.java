package io.payreports.reports;

/**
 * Bounds on one report document, so that a huge or hostile file ends in a clear dead letter instead
 * of an OutOfMemoryError or a full disk.
 *
 * @param maxDownloadBytes     bytes read from the network (before decompression)
 * @param maxUncompressedBytes bytes after decompression, all zip entries together
 * @param maxCompressionRatio  uncompressed / downloaded bytes; CSV compresses 5-20x, zip bombs 1000x and more
 * @param maxLineLength        characters in one CSV record; Amazon's rows are a few hundred
 */
public record ReportLimits(
        long maxDownloadBytes, long maxUncompressedBytes, int maxCompressionRatio, int maxLineLength) {

    /** Generous for real reports: a million-row settlement report is about 200 MB uncompressed. */
    public static final ReportLimits DEFAULTS = new ReportLimits(4L << 30, 16L << 30, 200, 1 << 20);

    /** Below this many uncompressed bytes the ratio is not checked: tiny files compress oddly. */
    static final long RATIO_FLOOR_BYTES = 1 << 20;

    public ReportLimits {
        if (maxDownloadBytes <= 0 || maxUncompressedBytes <= 0 || maxCompressionRatio <= 0 || maxLineLength <= 0) {
            throw new IllegalArgumentException("report limits must be positive");
        }
    }
}
