package io.payreports.amazonpay;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/** Reads and writes RSA keys as PEM. (stub: signature fixed, body to be written) */
public final class PemKeys {

    private PemKeys() {
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY"). */
    public static PrivateKey readPrivateKey(Path file) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** X.509 SubjectPublicKeyInfo ("BEGIN PUBLIC KEY") or PKCS#1 ("BEGIN RSA PUBLIC KEY"). */
    public static PublicKey readPublicKey(Path file) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair generateRsaKeyPair() {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Writes PKCS#8 PEM with owner-only permissions where the file system supports them. */
    public static void writePrivateKey(PrivateKey key, Path file) {
        throw new UnsupportedOperationException("not written yet");
    }

    public static void writePublicKey(PublicKey key, Path file) {
        throw new UnsupportedOperationException("not written yet");
    }
}
