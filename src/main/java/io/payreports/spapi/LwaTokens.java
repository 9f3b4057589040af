package io.payreports.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.payreports.http.GuardedHttp;
import io.payreports.http.RedirectRefusedException;
import io.payreports.jobs.ApiCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from Login with Amazon: the refresh token is exchanged (grant_type=refresh_token)
 * for an access token that lives about an hour; it is reused until shortly before it expires, so a
 * job's hundred calls cost one exchange. Secrets never leave this class in any message.
 */
public final class LwaTokens {

    private static final Logger LOG = LoggerFactory.getLogger(LwaTokens.class);
    /** Renew this long before expiry, so a token does not run out between our check and Amazon's. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final URI endpoint;
    private final LwaCredentials credentials;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Clock clock;
    private String accessToken; // guarded by this
    private Instant renewAt = Instant.MIN; // guarded by this

    public LwaTokens(URI endpoint, LwaCredentials credentials, HttpClient http, Duration readTimeout, Clock clock) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** A valid access token, exchanged anew when the cached one is (nearly) expired. */
    public synchronized String accessToken() {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            exchange();
        }
        return accessToken;
    }

    /** Forget the cached token, e.g. after Amazon answered 403 to it. */
    public synchronized void invalidate() {
        accessToken = null;
    }

    /** Masks the client secret, the refresh token and the current access token in a text. */
    public synchronized String redact(String text) {
        return credentials.redact(text, accessToken == null ? "" : accessToken);
    }

    private void exchange() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", credentials.refreshToken());
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = GuardedHttp.call(http, request, "LWA token exchange");
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(credentials.redact(e.getMessage()), e.getCause());
        } catch (RedirectRefusedException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
        ApiCalls.count("lwa", "token", response.statusCode());
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
            // LWA answers {"error":"invalid_client","error_description":"Client authentication failed"}
            throw new LwaException(
                    response.statusCode(),
                    json.path("error").asText("HTTP_" + response.statusCode()),
                    credentials.redact(json.path("error_description").asText("")));
        }
        accessToken = json.get("access_token").asText();
        long expiresIn = json.path("expires_in").asLong(3600);
        renewAt = asked.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
        LOG.debug("LWA access token for client {} valid for {} s", credentials.clientId(), expiresIn);
    }

    private static JsonNode parse(String body) {
        try {
            return SpApiJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return SpApiJson.MAPPER.createObjectNode();
        }
    }
}
