package io.payreports.amazonpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys as operators get them from Seller Central or openssl: PKCS#8 and PKCS#1, and every way a file can be wrong. */
class PemKeysTest {

    @TempDir
    Path dir;

    @Test
    void readsPkcs8AndPkcs1PrivateKeysWrittenByOpenssl() throws Exception {
        Path pkcs1 = dir.resolve("pkcs1.pem");
        Path pkcs8 = dir.resolve("pkcs8.pem");
        Path publicKey = dir.resolve("public.pem");
        openssl("genrsa", "-traditional", "-out", pkcs1.toString(), "2048");
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", pkcs1.toString(), "-out", pkcs8.toString());
        openssl("rsa", "-in", pkcs1.toString(), "-pubout", "-out", publicKey.toString());
        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----");

        PrivateKey fromPkcs1 = PemKeys.readPrivateKey(pkcs1);
        PrivateKey fromPkcs8 = PemKeys.readPrivateKey(pkcs8);
        assertThat(fromPkcs1.getEncoded()).isEqualTo(fromPkcs8.getEncoded());
        assertThat(verifies(fromPkcs1, PemKeys.readPublicKey(publicKey))).isTrue();
    }

    @Test
    void writtenKeysReadBackAndThePrivateOneIsOwnerOnly() throws Exception {
        KeyPair keys = PemKeys.generateRsaKeyPair();
        Path privateFile = dir.resolve("keys/private.pem");
        Path publicFile = dir.resolve("keys/public.pem");
        PemKeys.writePrivateKey(keys.getPrivate(), privateFile);
        PemKeys.writePublicKey(keys.getPublic(), publicFile);

        assertThat(PemKeys.readPrivateKey(privateFile).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(PemKeys.readPublicKey(publicFile).getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void everyBadFileIsOneClearLineWithoutKeyMaterial() throws Exception {
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString(),
                "-subj",
                "/CN=test",
                "-days",
                "1");
        Path encrypted = dir.resolve("encrypted.pem");
        openssl("pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(), "-passout", "pass:secret");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key at all\n");
        Path publicOnly = dir.resolve("public.pem");
        PemKeys.writePublicKey(PemKeys.generateRsaKeyPair().getPublic(), publicOnly);

        assertThatThrownBy(() -> PemKeys.readPrivateKey(dir.resolve("missing.pem")))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("Cannot read private key " + dir.resolve("missing.pem") + ": file not found");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(certificate))
                .hasMessage("Cannot read private key " + certificate + ": found a certificate, not a private key");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(encrypted))
                .hasMessageStartingWith("Cannot read private key " + encrypted + ": encrypted keys are not supported");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(garbage))
                .hasMessage(
                        "Cannot read private key " + garbage + ": no PEM block found (expected -----BEGIN ...-----)");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(publicOnly))
                .hasMessageStartingWith("Cannot read private key " + publicOnly + ": found ")
                .hasMessageEndingWith(", not a private key");
        String keyBody = Files.readString(key)
                .lines()
                .filter(line -> !line.startsWith("-----"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> PemKeys.readPublicKey(key))
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(keyBody).doesNotContain("\n"));
    }

    private static boolean verifies(PrivateKey privateKey, java.security.PublicKey publicKey) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        return verifier.verify(signature);
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
