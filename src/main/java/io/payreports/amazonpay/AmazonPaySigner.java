package io.payreports.amazonpay;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Signs Amazon Pay API v2 requests with AMZN-PAY-RSASSA-PSS-V2, as the official SDKs do. */
public final class AmazonPaySigner {

    public static final String ALGORITHM = "AMZN-PAY-RSASSA-PSS-V2";

    private final String publicKeyId;
    private final PrivateKey privateKey;
    private final String region;
    private final Clock clock;

    public AmazonPaySigner(String publicKeyId, PrivateKey privateKey, String region, Clock clock) {
        this.publicKeyId = publicKeyId;
        this.privateKey = privateKey;
        this.region = region;
        this.clock = clock;
    }

    /**
     * The headers to send with the request: authorization, x-amz-pay-date, x-amz-pay-host,
     * x-amz-pay-region, accept, content-type, and x-amz-pay-idempotency-key when one is given.
     *
     * @param body the exact request body that will be sent ("" for GET)
     */
    public Map<String, String> sign(String method, URI uri, String body, String idempotencyKey) {
        Map<String, String> signed = new TreeMap<>();
        signed.put("accept", "application/json");
        signed.put("content-type", "application/json");
        signed.put("x-amz-pay-date", AmazonPayDates.basic(clock.instant()));
        // the host alone, never :port, and the region in capitals: what the official SDK signs
        // (SignatureHelper#createPreSignedHeaders: uri.getHost(), Region.NA.toString())
        signed.put("x-amz-pay-host", uri.getHost());
        signed.put("x-amz-pay-region", region.toUpperCase(Locale.ROOT));
        if (idempotencyKey != null) {
            signed.put("x-amz-pay-idempotency-key", idempotencyKey);
        }
        String canonical =
                CanonicalRequest.of(method, uri.getRawPath(), uri.getRawQuery(), signed, body == null ? "" : body);
        String signature = RsassaPss.sign(CanonicalRequest.stringToSign(ALGORITHM, canonical), privateKey);
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put(
                "authorization",
                ALGORITHM + " PublicKeyId=" + publicKeyId + ", SignedHeaders=" + String.join(";", signed.keySet())
                        + ", Signature=" + signature);
        return headers;
    }
}
