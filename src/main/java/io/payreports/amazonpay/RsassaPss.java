package io.payreports.amazonpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/**
 * RSASSA-PSS as Amazon Pay uses it: SHA-256, MGF1 with SHA-256, and a salt of 32 bytes for
 * AMZN-PAY-RSASSA-PSS-V2 or 20 bytes for the original AMZN-PAY-RSASSA-PSS (the SDK's
 * {@code AmazonSignatureAlgorithm}). We sign with V2; the verifier accepts both, as Amazon does.
 */
final class RsassaPss {

    static final String V1_ALGORITHM = "AMZN-PAY-RSASSA-PSS";
    private static final PSSParameterSpec V2 = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    private static final PSSParameterSpec V1 = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1);

    private RsassaPss() {}

    static String sign(String stringToSign, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(V2);
            signature.initSign(key);
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the configured private key: " + e.getMessage(), e);
        }
    }

    static boolean verify(String algorithm, String stringToSign, String base64Signature, PublicKey key) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(algorithm.equals(V1_ALGORITHM) ? V1 : V2);
            signature.initVerify(key);
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
