package io.payreports.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * An Amazon answer that may say how long to wait before asking again: Amazon Pay's and SP-API's 429,
 * MWS's 503 RequestThrottled. The job's redelivery waits it out ({@code retryAfterPause} in
 * camel/errors.yaml), so all three APIs are retried by the one Camel mechanism.
 */
public interface Throttled {

    /** How long Amazon asked to wait, when it said. */
    Optional<Duration> retryAfter();

    /** The Retry-After header in seconds; the HTTP-date form is not used by Amazon and is ignored. */
    static Optional<Duration> retryAfterHeader(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,5}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())));
    }
}
