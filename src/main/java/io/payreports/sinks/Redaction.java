package io.payreports.sinks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets that can hide inside ordinary text such as exception messages. */
public final class Redaction {

    /** A URL with a query string; the query is group 2. */
    private static final Pattern URL_WITH_QUERY = Pattern.compile("(https?://[^\\s?\"'<>]+)\\?([^\\s\"'<>]*)");

    private Redaction() {
    }

    /**
     * Report documents are downloaded from pre-signed S3 URLs whose query carries the signature
     * ({@code ?X-Amz-Algorithm=...&X-Amz-Signature=...}, seed 000 "Get Report Document"); anyone
     * holding one can fetch the report while it is valid. Such a query is cut off; the rest of
     * the URL is kept so the message still says what failed.
     */
    public static String presignedUrls(String text) {
        if (text == null) {
            return null;
        }
        Matcher url = URL_WITH_QUERY.matcher(text);
        return url.replaceAll(match -> Matcher.quoteReplacement(
                match.group(2).toLowerCase(Locale.ROOT).contains("x-amz-signature")
                        ? match.group(1) + "?<redacted>"
                        : match.group()));
    }

    /**
     * A JDBC URL as it may be shown: without its query ({@code ?user=..&password=..}), its
     * {@code ;KEY=value} settings (H2) and any {@code user:password@} before the host.
     */
    public static String jdbcUrl(String url) {
        return url == null ? null : url.replaceFirst("[?;].*$", "").replaceFirst("//[^/@]*@", "//");
    }
}
