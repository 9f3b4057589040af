package io.payreports.amazonpay;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies AMZN-PAY-RSASSA-PSS-V2 signatures the way Amazon does: rebuilds the canonical request
 * from what was received, with the headers the client says it signed, and checks the RSASSA-PSS
 * signature with the public key registered for the PublicKeyId.
 */
public final class AmazonPaySignatureVerifier {

    /** V2, or the original algorithm that the official SDKs still use by default. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^(AMZN-PAY-RSASSA-PSS(?:-V2)?)\\s+PublicKeyId=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=(\\S+)$");

    private static final List<String> REQUIRED_SIGNED = List.of("x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region");

    private final Function<String, Optional<PublicKey>> keysByPublicKeyId;

    public AmazonPaySignatureVerifier(Function<String, Optional<PublicKey>> keysByPublicKeyId) {
        this.keysByPublicKeyId = keysByPublicKeyId;
    }

    /**
     * @param rawPath  the request path as received, still percent-encoded
     * @param rawQuery the query string as received, still percent-encoded, or null
     * @param headers  request headers; names compared case-insensitively
     * @param body     the request body bytes (empty for GET)
     */
    public Result verify(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                received.put(name, String.join(",", values));
            }
        });
        String authorization = received.get("authorization");
        if (authorization == null) {
            return Result.error(400, "MissingHeader", "The request is missing the header 'authorization'.");
        }
        Matcher matcher = AUTHORIZATION.matcher(authorization.trim());
        if (!matcher.matches()) {
            return Result.error(
                    400,
                    "InvalidHeaderValue",
                    "The value of the header 'authorization' is not a valid AMZN-PAY-RSASSA-PSS(-V2) authorization.");
        }
        Optional<PublicKey> key = keysByPublicKeyId.apply(matcher.group(2));
        if (key.isEmpty()) {
            return Result.error(401, "UnauthorizedAccess", "The public key id in the request is not registered.");
        }
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        for (String name : matcher.group(3).toLowerCase(Locale.ROOT).split(";")) {
            String value = received.get(name);
            if (value == null) {
                return Result.error(400, "MissingHeader", "The request is missing the signed header '" + name + "'.");
            }
            signedHeaders.put(name, value);
        }
        for (String required : REQUIRED_SIGNED) {
            if (!signedHeaders.containsKey(required)) {
                return Result.error(400, "MissingHeader", "The header '" + required + "' must be signed.");
            }
        }
        String canonical =
                CanonicalRequest.of(method, rawPath, rawQuery, signedHeaders, new String(body, StandardCharsets.UTF_8));
        if (!RsassaPss.verify(
                matcher.group(1),
                CanonicalRequest.stringToSign(matcher.group(1), canonical),
                matcher.group(4),
                key.get())) {
            return Result.error(
                    401,
                    "InvalidRequestSignature",
                    "The signature in the request does not match the one computed from the request and the public key.");
        }
        return Result.ok();
    }

    /** Outcome; when not valid, status/reasonCode/message are what Amazon would answer. */
    public record Result(boolean valid, int status, String reasonCode, String message) {
        public static Result ok() {
            return new Result(true, 200, null, null);
        }

        static Result error(int status, String reasonCode, String message) {
            return new Result(false, status, reasonCode, message);
        }
    }
}
