package io.payreports.amazonpay;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;

/** Signs Amazon Pay API v2 requests with AMZN-PAY-RSASSA-PSS-V2. (stub: signature fixed, body to be written) */
public final class AmazonPaySigner {

    public static final String ALGORITHM = "AMZN-PAY-RSASSA-PSS-V2";

    public AmazonPaySigner(String publicKeyId, PrivateKey privateKey, String region, Clock clock) {
        throw new UnsupportedOperationException("not written yet");
    }

    /**
     * The headers to send with the request: authorization, x-amz-pay-date, x-amz-pay-host,
     * x-amz-pay-region, accept, content-type, and x-amz-pay-idempotency-key when one is given.
     *
     * @param body the exact request body that will be sent ("" for GET)
     */
    public Map<String, String> sign(String method, URI uri, String body, String idempotencyKey) {
        throw new UnsupportedOperationException("not written yet");
    }
}
