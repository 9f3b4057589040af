package io.payreports.sinks;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes secrets that can hide inside ordinary text such as exception messages. */
public final class Redaction {

    /** A URL with a query string; the query is group 2. */
    private static final Pattern URL_WITH_QUERY = Pattern.compile("(https?://[^\\s?\"'<>]+)\\?([^\\s\"'<>]*)");

    private Redaction() {}

    /**
     * The text with each secret masked in every form it travels in: as is, form/URL-encoded (a token
     * endpoint that echoes its request shows {@code Atzr%7C...}, with either case of hex digits) and
     * JSON-escaped ({@code Atzr|a\/b}). Secrets shorter than 4 characters are left alone: masking them
     * would mask ordinary words.
     */
    public static String secrets(String text, Iterable<String> secrets) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            if (secret == null || secret.length() < 4) {
                continue;
            }
            String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            String percentEncoded = formEncoded.replace("+", "%20");
            String jsonEscaped = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
            for (String form : new String[] {
                secret,
                formEncoded,
                percentEncoded,
                lowerHex(formEncoded),
                lowerHex(percentEncoded),
                jsonEscaped,
                jsonEscaped.replace("/", "\\/")
            }) {
                redacted = redacted.replace(form, "****");
            }
        }
        return redacted;
    }

    private static String lowerHex(String encoded) {
        return Pattern.compile("%[0-9A-F]{2}")
                .matcher(encoded)
                .replaceAll(match -> match.group().toLowerCase(Locale.ROOT));
    }

    /**
     * Report documents are downloaded from pre-signed S3 URLs whose query carries the signature
     * ({@code ?X-Amz-Algorithm=...&X-Amz-Signature=...}, the Amazon Pay reports API reference "Get Report Document"); anyone
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
