package io.payreports.amazonpay;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Verifies AMZN-PAY-RSASSA-PSS-V2 signatures the way Amazon does. (stub: signature fixed, body to be written) */
public final class AmazonPaySignatureVerifier {

    public AmazonPaySignatureVerifier(Function<String, Optional<PublicKey>> keysByPublicKeyId) {
        throw new UnsupportedOperationException("not written yet");
    }

    /**
     * @param rawPath  the request path as received, still percent-encoded
     * @param rawQuery the query string as received, still percent-encoded, or null
     * @param headers  request headers; names compared case-insensitively
     * @param body     the request body bytes (empty for GET)
     */
    public Result verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Outcome; when not valid, status/reasonCode/message are what Amazon would answer. */
    public record Result(boolean valid, int status, String reasonCode, String message) {
        public static Result ok() {
            return new Result(true, 200, null, null);
        }
    }
}
