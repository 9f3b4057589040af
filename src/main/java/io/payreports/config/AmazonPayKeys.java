package io.payreports.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One account's Amazon Pay identity: region, environment, public key id and its private key file, and the
 * endpoint override. With no public key id the account runs against the built-in simulator (demo mode).
 */
public record AmazonPayKeys(
        Optional<URI> endpoint, String region, String environment, String publicKeyId, Optional<Path> privateKeyFile) {

    public boolean demoMode() {
        return publicKeyId.isBlank();
    }

    /** Never the key's content: only where it is. */
    static AmazonPayKeys read(PayreportsSettings.Reader r, AccountKeys keys) {
        String publicKeyId = r.text(keys.key("public-key-id"), "");
        String keyFileKey = keys.key("private-key-file");
        Optional<Path> keyFile = r.optionalText(keyFileKey).map(Path::of);
        if (!publicKeyId.isBlank() && keyFile.isEmpty()) {
            r.problem(
                    keyFileKey,
                    "required when " + keys.key("public-key-id") + " is set" + keys.variable("private-key-file"));
        }
        keyFile.filter(file -> !Files.isReadable(file))
                .ifPresent(file -> r.problem(keyFileKey, "file not found or not readable: " + file));
        String endpointKey = keys.key("endpoint");
        return new AmazonPayKeys(
                r.optionalText(endpointKey).map(value -> r.uri(endpointKey, value)),
                r.oneOf(keys.key("region"), "na", "na", "eu", "jp", "us", "de", "uk"),
                r.oneOf(keys.key("environment"), "live", "live", "sandbox"),
                publicKeyId,
                keyFile);
    }
}
