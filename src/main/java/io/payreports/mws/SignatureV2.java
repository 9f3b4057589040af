package io.payreports.mws;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 2 as MWS uses it (HmacSHA256): the string to sign is the HTTP method, the
 * lower-case host, the path and the parameters sorted by name, each RFC 3986-encoded, joined by
 * newlines; the signature is its Base64 HMAC with the secret key. Signer and the simulator's
 * verifier share this class, so they cannot drift apart.
 */
public final class SignatureV2 {

    public static final String METHOD = "HmacSHA256";

    private SignatureV2() {}

    /** The parameters as signed: sorted by name, encoded, {@code Signature} itself left out. */
    public static String canonicalQuery(Map<String, String> parameters) {
        SortedMap<String, String> sorted =
                new TreeMap<>(parameters); // String order is byte order for these ASCII names
        sorted.remove("Signature");
        return sorted.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String stringToSign(String method, URI endpoint, Map<String, String> parameters) {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        String host = endpoint.getHost().toLowerCase(java.util.Locale.ROOT)
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        return method + "\n" + host + "\n" + path + "\n" + canonicalQuery(parameters);
    }

    public static String sign(String stringToSign, String secretKey) {
        try {
            Mac mac = Mac.getInstance(METHOD);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), METHOD));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** RFC 3986: unreserved characters stay, everything else is %XX; Java's form encoding differs in three places. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
