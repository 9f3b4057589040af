package io.payreports.amazonpay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a report document through its pre-signed URL, which Amazon keeps valid for 30 s only
 * (Amazon Pay report download guide). A URL that is too old to start with, or that the document host answers as expired,
 * is replaced by a fresh one from getReportDocument, up to the configured number of URLs; only
 * then does the failure go to the route's redelivery, which would otherwise start the whole
 * report again for what one more API call fixes.
 */
public class DocumentDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentDownloader.class);

    private final Supplier<AmazonPayClient> client;
    private final Clock clock;

    public DocumentDownloader(Supplier<AmazonPayClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Fetches the document's URL and opens its download at once. The caller closes the body. */
    public DocumentDownload download(String reportDocumentId) {
        ReportDocument document = client.get().getReportDocument(reportDocumentId);
        return open(document, clock.instant());
    }

    /**
     * Opens the download of a document whose getReportDocument answered at {@code answeredAt},
     * fetching fresh URLs as needed.
     *
     * @throws DocumentUrlExpiredException when every URL allowed by the policy expired
     */
    public DocumentDownload open(ReportDocument document, Instant answeredAt) {
        DocumentPolicy policy = client.get().config().documents();
        ReportDocument current = document;
        Instant answered = answeredAt;
        for (int attempt = 1; ; attempt++) {
            // the last URL is tried even when late: it may still work, and there is no other
            Optional<String> expired =
                    attempt < policy.urlAttempts() ? late(answered, policy.urlValidity()) : Optional.empty();
            if (expired.isEmpty()) {
                try {
                    return client.get().openDownload(current);
                } catch (ReportDownloadException e) {
                    if (!e.urlExpired()) {
                        throw e;
                    }
                    expired = Optional.of(e.answer());
                }
            }
            if (attempt == policy.urlAttempts()) {
                throw new DocumentUrlExpiredException(document.reportDocumentId(), attempt, expired.get());
            }
            LOG.warn(
                    "report document {}: URL {} expired ({}); fetching a fresh one, attempt {} of {}",
                    document.reportDocumentId(),
                    current.redactedUrl(),
                    expired.get(),
                    attempt + 1,
                    policy.urlAttempts());
            current = client.get().getReportDocument(document.reportDocumentId());
            answered = clock.instant();
        }
    }

    private Optional<String> late(Instant answered, Duration validity) {
        Duration age = Duration.between(answered, clock.instant());
        return age.compareTo(validity) > 0
                ? Optional.of("download not started within " + validity.toSeconds() + " s, " + age.toSeconds()
                        + " s after getReportDocument")
                : Optional.empty();
    }
}
