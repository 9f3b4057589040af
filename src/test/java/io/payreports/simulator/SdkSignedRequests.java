package io.payreports.simulator;

import com.amazon.pay.api.PayConfiguration;
import com.amazon.pay.api.RequestSigner;
import com.amazon.pay.api.types.Environment;
import com.amazon.pay.api.types.Region;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Security;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** getReports requests signed by the official Amazon Pay SDK, sent as they are or with one signature character changed. */
final class SdkSignedRequests {

    static final String SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_";

    static {
        // the SDK signs through the "BC" provider, which its own clients register
        Security.addProvider(new BouncyCastleProvider());
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final PayConfiguration configuration;

    SdkSignedRequests(String publicKeyId, PrivateKey privateKey) {
        this(publicKeyId, privateKey, "AMZN-PAY-RSASSA-PSS-V2");
    }

    SdkSignedRequests(String publicKeyId, PrivateKey privateKey, String algorithm) {
        this.configuration = new PayConfiguration()
                .setPublicKeyId(publicKeyId)
                .setRegion(Region.NA)
                .setEnvironment(Environment.LIVE)
                .setPrivateKey(privateKey)
                .setAlgorithm(algorithm);
    }

    PayConfiguration configuration() {
        return configuration;
    }

    /** getReports with a query holding a comma and colons, signed by the SDK. */
    HttpResponse<String> getReports(URI baseUrl, boolean tamperWithSignature) throws Exception {
        return getReports(baseUrl, "/live/v2/reports", tamperWithSignature);
    }

    HttpResponse<String> getReports(URI baseUrl, String path, boolean tamperWithSignature) throws Exception {
        URI uri = URI.create(baseUrl + path);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("reportTypes", List.of(SETTLEMENT + ",_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_"));
        query.put("createdSince", List.of("2026-09-01T00:00:00Z"));
        query.put("pageSize", List.of("5"));
        Map<String, String> headers =
                new RequestSigner(configuration).signRequest(uri, "GET", query, "", new LinkedHashMap<>());
        if (tamperWithSignature) {
            headers.put("authorization", changeOneSignatureCharacter(headers.get("authorization")));
        }
        String rawQuery = "reportTypes=" + SETTLEMENT
                + "%2C_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_&createdSince=2026-09-01T00%3A00%3A00Z&pageSize=5";
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(uri + "?" + rawQuery)).GET();
        headers.forEach((name, value) -> {
            // headers the JDK client sets itself
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("user-agent")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any operation, signed by the SDK: query parameters, JSON body and extra headers (e.g. the idempotency key). */
    HttpResponse<String> send(
            URI baseUrl,
            String method,
            String path,
            Map<String, String> query,
            String body,
            Map<String, String> headers)
            throws Exception {
        URI uri = URI.create(baseUrl + path);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> {
            parameters.put(name, List.of(value));
            rawQuery.append(rawQuery.length() == 0 ? "?" : "&")
                    .append(encode(name))
                    .append('=')
                    .append(encode(value));
        });
        Map<String, String> signed = new RequestSigner(configuration)
                .signRequest(uri, method, parameters, body, new LinkedHashMap<>(headers));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri + rawQuery.toString()))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("user-agent")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String changeOneSignatureCharacter(String authorization) {
        int at = authorization.indexOf("Signature=") + "Signature=".length() + 5;
        char replacement = authorization.charAt(at) == 'A' ? 'B' : 'A';
        return authorization.substring(0, at) + replacement + authorization.substring(at + 1);
    }
}
