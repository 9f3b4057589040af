package io.payreports.amazonpay;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads and writes RSA keys as PEM (BouncyCastle's parser); errors are one line without key material. */
public final class PemKeys {

    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();

    private PemKeys() {}

    /** PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY"). */
    public static PrivateKey readPrivateKey(Path file) {
        Object pem = readPem(file, "private key");
        try {
            if (pem instanceof PEMKeyPair pair) {
                return CONVERTER.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (pem instanceof PrivateKeyInfo info) {
                return CONVERTER.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new KeyFileException("Cannot read private key " + file + ": not an RSA private key");
        }
        if (pem instanceof PEMEncryptedKeyPair || pem instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new KeyFileException("Cannot read private key " + file
                    + ": encrypted keys are not supported, store it unencrypted with restricted permissions");
        }
        throw new KeyFileException("Cannot read private key " + file + ": " + describe(pem) + ", not a private key");
    }

    /** X.509 SubjectPublicKeyInfo ("BEGIN PUBLIC KEY") or PKCS#1 ("BEGIN RSA PUBLIC KEY"). */
    public static PublicKey readPublicKey(Path file) {
        Object pem = readPem(file, "public key");
        try {
            if (pem instanceof SubjectPublicKeyInfo info) {
                return CONVERTER.getPublicKey(info);
            }
            if (pem instanceof RSAPublicKey rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (pem instanceof PEMKeyPair pair) {
                return CONVERTER.getPublicKey(pair.getPublicKeyInfo());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyFileException("Cannot read public key " + file + ": not an RSA public key");
        }
        throw new KeyFileException("Cannot read public key " + file + ": " + describe(pem) + ", not a public key");
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair generateRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** Writes PKCS#8 PEM with owner-only permissions where the file system supports them. */
    public static void writePrivateKey(PrivateKey key, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            write(key, file);
        } catch (IOException e) {
            throw new KeyFileException("Cannot write private key " + file + ": " + e.getMessage());
        }
    }

    public static void writePublicKey(PublicKey key, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            write(key, file);
        } catch (IOException e) {
            throw new KeyFileException("Cannot write public key " + file + ": " + e.getMessage());
        }
    }

    private static void write(Object key, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(
                    key instanceof PrivateKey privateKey ? PrivateKeyInfo.getInstance(privateKey.getEncoded()) : key);
        }
    }

    private static Object readPem(Path file, String what) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object pem = parser.readObject();
            if (pem == null) {
                throw new KeyFileException(
                        "Cannot read " + what + " " + file + ": no PEM block found (expected -----BEGIN ...-----)");
            }
            return pem;
        } catch (NoSuchFileException e) {
            throw new KeyFileException("Cannot read " + what + " " + file + ": file not found");
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyFileException keyFile) {
                throw keyFile;
            }
            throw new KeyFileException("Cannot read " + what + " " + file + ": not a valid PEM file");
        }
    }

    private static String describe(Object pem) {
        String type = pem.getClass().getSimpleName();
        return type.contains("Certificate") ? "found a certificate" : "found " + type;
    }
}
