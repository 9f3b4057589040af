package io.payreports.amazonpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/** RSASSA-PSS as AMZN-PAY-RSASSA-PSS-V2 uses it: SHA-256, MGF1 with SHA-256, a 32-byte salt (the SDK's V2; V1 used 20). */
final class RsassaPss {

    private static final PSSParameterSpec V2 = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private RsassaPss() {
    }

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

    static boolean verify(String stringToSign, String base64Signature, PublicKey key) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(V2);
            signature.initVerify(key);
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
