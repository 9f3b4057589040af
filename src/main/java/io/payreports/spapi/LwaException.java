package io.payreports.spapi;

/**
 * Login with Amazon refused to exchange the refresh token. The message carries LWA's error code and
 * description and what to check, never the client secret or the refresh token.
 */
public class LwaException extends SpApiException {

    public LwaException(int status, String error, String description) {
        super("LWA token exchange", status, error, hint(error, description), null);
    }

    private static String hint(String error, String description) {
        String what = switch (error) {
            case "invalid_client" -> "check PAYREPORTS_SPAPI_CLIENT_ID and PAYREPORTS_SPAPI_CLIENT_SECRET";
            case "invalid_grant" -> "check PAYREPORTS_SPAPI_REFRESH_TOKEN (revoked, expired or issued to another app)";
            default -> "check the LWA credentials (PAYREPORTS_SPAPI_CLIENT_ID, _CLIENT_SECRET, _REFRESH_TOKEN)";
        };
        return (description == null || description.isBlank() ? "" : description + "; ") + what;
    }

    /** A bad client or grant does not get better by asking again; an LWA outage may. */
    @Override
    public boolean isRetryable() {
        return status() >= 500;
    }
}
