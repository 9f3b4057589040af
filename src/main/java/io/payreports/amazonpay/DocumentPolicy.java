package io.payreports.amazonpay;

import java.time.Duration;

/**
 * How report documents are downloaded.
 *
 * @param hosts       the hosts document URLs may point to
 * @param urlValidity how long after getReportDocument answered its URL is still used; Amazon's live
 *                    30 s (Amazon Pay report download guide), less a margin for the time the download takes to start (positive)
 * @param urlAttempts how many document URLs one download tries before it gives up (at least 1)
 */
public record DocumentPolicy(DocumentHosts hosts, Duration urlValidity, int urlAttempts) {

    public static final DocumentPolicy DEFAULT = new DocumentPolicy(DocumentHosts.AMAZON, Duration.ofSeconds(25), 3);

    DocumentPolicy withHosts(DocumentHosts newHosts) {
        return new DocumentPolicy(newHosts, urlValidity, urlAttempts);
    }
}
