package io.payreports.amazonpay;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The canonical request and string to sign of AMZN-PAY-RSASSA-PSS-V2, shared by the signer and the
 * verifier so that both sides build it the same way. Follows the official Java SDK
 * ({@code SignatureHelper}): RFC 3986 encoding (space %20, comma %2C, colon %3A, tilde kept),
 * query parameters sorted by name, headers as {@code name:value} lines sorted by lower-case name,
 * and the hex SHA-256 of the body.
 */
final class CanonicalRequest {

    private CanonicalRequest() {}

    /**
     * @param rawPath   the path as sent, percent-encoded
     * @param rawQuery  the query string as sent, percent-encoded, or null
     * @param headers   lower-case names of the signed headers to their values
     */
    static String of(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {
        Map<String, String> sortedHeaders = new TreeMap<>(headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        sortedHeaders.forEach((name, value) ->
                canonicalHeaders.append(name).append(':').append(value.trim()).append('\n'));
        return method + "\n"
                + canonicalPath(rawPath) + "\n"
                + canonicalQuery(rawQuery) + "\n"
                + canonicalHeaders + "\n"
                + String.join(";", sortedHeaders.keySet()) + "\n"
                + sha256Hex(body);
    }

    static String stringToSign(String algorithm, String canonicalRequest) {
        return algorithm + "\n" + sha256Hex(canonicalRequest);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(decode(segment)));
        }
        return String.join("/", segments);
    }

    /** Decodes what was received, then encodes it canonically: both ends agree whatever the client's escaping. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> parameters = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = encode(decode(equals < 0 ? pair : pair.substring(0, equals)));
            String value = equals < 0 ? "" : encode(decode(pair.substring(equals + 1)));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, values) -> values.stream().sorted().forEach(value -> query.add(name + "=" + value)));
        return query.toString();
    }

    private static String decode(String value) {
        // '+' is a literal plus in RFC 3986 query strings, not a space
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
