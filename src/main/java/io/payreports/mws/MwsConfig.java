package io.payreports.mws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and as whom to call MWS. {@code sellerId} goes out as {@code Merchant}, the name Amazon Pay's
 * report guide uses for the Reports API (Amazon Pay settlement report guide); {@code authToken} is the MWSAuthToken a developer
 * acting for a seller needs.
 */
public record MwsConfig(
        URI endpoint,
        String accessKeyId,
        String secretKey,
        String sellerId,
        Optional<String> authToken,
        Duration connectTimeout,
        Duration readTimeout) {

    /** The Reports API endpoints per region (Amazon Pay settlement report guide shows the North American one). */
    public static URI endpointOf(String region) {
        return URI.create(
                switch (region) {
                    case "eu", "de", "uk" -> "https://mws-eu.amazonservices.com/";
                    case "jp" -> "https://mws.amazonservices.jp/";
                    default -> "https://mws.amazonservices.com/";
                });
    }

    /** Never prints the secret key or the auth token. */
    @Override
    public String toString() {
        return "MwsConfig[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + ", sellerId=" + sellerId + "]";
    }
}
