package io.payreports.http;

import java.time.Duration;

/**
 * How long any exchange with Amazon may take, on top of the connect and read timeouts (which a peer
 * that trickles one byte at a time never trips): a whole API call, headers and body, must end within
 * {@code callDeadline}; a report download must average at least {@code downloadMinBytesPerSecond} once
 * {@code downloadGrace} has passed. Keys {@code payreports.http.*}; see docs/operations.md.
 */
public record HttpDeadlines(Duration callDeadline, long downloadMinBytesPerSecond, Duration downloadGrace) {

    public static final String CALL_DEADLINE = "payreports.http.call-deadline";
    public static final String DOWNLOAD_MIN_RATE = "payreports.http.download-min-rate";
    public static final String DOWNLOAD_GRACE = "payreports.http.download-grace";

    public static final HttpDeadlines DEFAULTS =
            new HttpDeadlines(Duration.ofMinutes(3), 8 * 1024, Duration.ofMinutes(1));
}
