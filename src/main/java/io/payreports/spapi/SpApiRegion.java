package io.payreports.spapi;

import java.net.URI;
import java.util.Locale;

/** The three regional SP-API hosts (the Finances and Transfers API references name the NA one; EU and FE follow the same pattern). */
public enum SpApiRegion {
    NA("https://sellingpartnerapi-na.amazon.com"),
    EU("https://sellingpartnerapi-eu.amazon.com"),
    FE("https://sellingpartnerapi-fe.amazon.com");

    /** Login with Amazon serves every region from one token endpoint. */
    public static final URI LWA_TOKEN_ENDPOINT = URI.create("https://api.amazon.com/auth/o2/token");

    private final URI endpoint;

    SpApiRegion(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** @throws IllegalArgumentException naming the valid regions */
    public static SpApiRegion of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of na, eu, fe, not '" + name + "'");
        }
    }
}
