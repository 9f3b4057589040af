package io.payreports.spapi;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom SP-API is called.
 *
 * @param endpoint         the SP-API base URL (the region's, or an override such as the simulator)
 * @param lwaEndpoint      the LWA token URL
 * @param throttleRetries  how often one call is repeated after 429 before the error goes to the job's redelivery
 */
public record SpApiConfig(URI endpoint, URI lwaEndpoint, LwaCredentials credentials, Duration connectTimeout, Duration readTimeout,
                          int throttleRetries) {
}
