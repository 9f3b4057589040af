package io.payreports.spapi;

import io.payreports.sinks.Redaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's Login-with-Amazon client and the seller's refresh token. Only the client id is shown
 * anywhere; {@link #redact} removes the secrets from any text before it reaches a log or message.
 */
public record LwaCredentials(String clientId, String clientSecret, String refreshToken) {

    @Override
    public String toString() {
        return "LwaCredentials[clientId=" + clientId + ", clientSecret=****, refreshToken=****]";
    }

    /** The text with the client secret and the refresh token (and any extra secret, e.g. an access token) masked, in every encoding. */
    public String redact(String text, String... more) {
        return Redaction.secrets(text, secrets(more));
    }

    private List<String> secrets(String... more) {
        List<String> secrets = new ArrayList<>(List.of(more));
        secrets.add(clientSecret == null ? "" : clientSecret);
        secrets.add(refreshToken == null ? "" : refreshToken);
        return secrets;
    }
}
