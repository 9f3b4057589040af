package io.payreports.http;

import java.net.URI;

/** Amazon's API answered with a redirect, which is never followed: the request was signed for the configured endpoint only. */
public final class RedirectRefusedException extends RuntimeException {

    RedirectRefusedException(String operation, int status, URI requested, String location) {
        super(operation + " answered HTTP " + status + " redirecting to " + hostOf(location)
                + "; not followed: signed requests go only to " + GuardedHttp.hostAndPort(requested));
    }

    /** Only the host: the rest of a location may carry credentials. */
    private static String hostOf(String location) {
        try {
            String host = URI.create(location).getHost();
            return host == null ? "(no host)" : host;
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }
}
