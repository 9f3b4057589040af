package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.AmazonPayConfig;
import io.payreports.amazonpay.AmazonPayReportSource;
import io.payreports.amazonpay.AmazonPaySigner;
import io.payreports.amazonpay.DocumentDownload;
import io.payreports.amazonpay.DocumentDownloader;
import io.payreports.amazonpay.DocumentHosts;
import io.payreports.amazonpay.DocumentPolicy;
import io.payreports.amazonpay.DocumentUrlExpiredException;
import io.payreports.amazonpay.DocumentUrlRefusedException;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.Report;
import io.payreports.amazonpay.ReportDocument;
import io.payreports.amazonpay.ReportQuery;
import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRuns;
import io.payreports.reports.ReportContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Report document downloads against the simulator's pre-signed URLs: a URL too old to use or
 * answered as expired is replaced by a fresh one, a bounded number of times; a URL off the
 * document hosts is refused before any connection; the declared charset comes with the body.
 */
class DocumentDownloaderTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String KEY_ID = "LIVE-TESTKEY";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private AmazonPaySimulator simulator;
    private CountingClient client;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aDownloadStartingAfterTheValidityWindowFetchesAFreshUrlFirst() throws Exception {
        start(options(), DocumentPolicy.DEFAULT);
        ReportDocument document = client.getReportDocument(documentId());
        Instant answered = clock.instant();
        clock.advance(Duration.ofSeconds(26));

        assertThat(text(new DocumentDownloader(() -> client, clock).open(document, answered)))
                .startsWith("\"SellerId\"");
        assertThat(client.documentsFetched)
                .as("the old URL would still have worked for 4 s, too close to use")
                .hasValue(2);
    }

    @Test
    void aDownloadStartingWithinTheValidityWindowUsesItsUrl() throws Exception {
        start(options(), DocumentPolicy.DEFAULT);
        ReportDocument document = client.getReportDocument(documentId());
        Instant answered = clock.instant();
        clock.advance(Duration.ofSeconds(24));

        assertThat(text(new DocumentDownloader(() -> client, clock).open(document, answered)))
                .startsWith("\"SellerId\"");
        assertThat(client.documentsFetched).hasValue(1);
    }

    @Test
    void aUrlAnsweredAsExpiredIsReplacedByAFreshOne() throws Exception {
        start(options().withFaults(Faults.parse("expired-urls=2", 1)), DocumentPolicy.DEFAULT);

        assertThat(text(new DocumentDownloader(() -> client, clock).download(documentId())))
                .startsWith("\"SellerId\"");
        assertThat(client.documentsFetched).hasValue(3);
    }

    @Test
    void urlsThatKeepExpiringFailClearlyAfterTheConfiguredAttempts() {
        start(
                options().withFaults(Faults.parse("expired-urls", 1)),
                new DocumentPolicy(DocumentHosts.AMAZON, Duration.ofSeconds(25), 2));
        String id = documentId();

        assertThatThrownBy(() -> new DocumentDownloader(() -> client, clock).download(id))
                .isInstanceOf(DocumentUrlExpiredException.class)
                .hasMessage(
                        "report document " + id + ": download URL expired on each of 2 attempts"
                                + " (payreports.amazonpay.document-url-attempts); last: HTTP 403 AccessDenied: Request has expired");
        assertThat(client.documentsFetched).hasValue(2);
    }

    @Test
    void aUrlOnAHostThatIsNotAllowedIsRefusedBeforeAnyConnection() {
        start(options().withDocumentBaseUrl(URI.create("https://evil.example")), DocumentPolicy.DEFAULT);
        String id = documentId();

        // evil.example does not resolve: a connection attempt would fail with an IOException instead
        assertThatThrownBy(() -> new DocumentDownloader(() -> client, clock).download(id))
                .isInstanceOf(DocumentUrlRefusedException.class)
                .hasMessageContaining(
                        "report document " + id + ": host evil.example is not in payreports.amazonpay.document-hosts")
                .hasMessageNotContaining("X-Amz");
        assertThat(client.documentsFetched).as("not worth another URL").hasValue(1);
    }

    @Test
    void anotherLoopbackAddressIsNotTheSimulatorAndIsRefused() {
        start(options().withDocumentBaseUrl(URI.create("http://127.0.0.2:8443")), DocumentPolicy.DEFAULT);

        assertThatThrownBy(() -> new DocumentDownloader(() -> client, clock).download(documentId()))
                .isInstanceOf(DocumentUrlRefusedException.class)
                .hasMessageContaining("host 127.0.0.2 is not in payreports.amazonpay.document-hosts");
    }

    @Test
    void anAllowedHostThatIsNotLoopbackMustUseHttps() {
        start(
                options().withDocumentBaseUrl(URI.create("http://reports.example")),
                new DocumentPolicy(DocumentHosts.parse("*.amazonaws.com,reports.example"), Duration.ofSeconds(25), 3));

        assertThatThrownBy(() -> new DocumentDownloader(() -> client, clock).download(documentId()))
                .isInstanceOf(DocumentUrlRefusedException.class)
                .hasMessageEndingWith("host reports.example is not served over https");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text/csv; charset=ISO-8859-1     | ISO-8859-1",
                "text/csv;charset=\"windows-1252\" | windows-1252",
                "text/csv                         |",
                // an unknown name is ignored with a warning
                "text/csv; charset=no-such-charset |"
            })
    void theCharsetOfTheContentTypeComesWithTheBody(String contentType, String charset) throws Exception {
        start(options().withDocumentContentType(contentType), DocumentPolicy.DEFAULT);

        DocumentDownload download = new DocumentDownloader(() -> client, clock).download(documentId());
        download.body().close();
        assertThat(download.charset()).isEqualTo(Optional.ofNullable(charset).map(Charset::forName));
    }

    @Test
    void theSourcePutsTheDeclaredCharsetIntoTheJobContextForTheParser() throws Exception {
        start(options().withDocumentContentType("text/csv; charset=ISO-8859-1"), DocumentPolicy.DEFAULT);
        AmazonPayReportSource source = new AmazonPayReportSource(account -> client, null, clock);
        // the job's own charset is UTF-8: the document's declaration wins
        JobContext job =
                new JobRuns(clock).beginWithDefaults("exchange-1", "job", ReportContext.DEFAULT_ACCOUNT, "file");
        source.select(job, firstReport());

        try (InputStream body = source.download(job)) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).startsWith("\"SellerId\"");
        }
        assertThat(job.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    private SimulatorOptions options() {
        return SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), clock);
    }

    private void start(SimulatorOptions options, DocumentPolicy policy) {
        try {
            simulator = AmazonPaySimulator.start(options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AmazonPayConfig config = new AmazonPayConfig(
                simulator.baseUrl(), "na", "live", KEY_ID, Duration.ofSeconds(5), Duration.ofSeconds(10), policy);
        client = new CountingClient(config, new AmazonPaySigner(KEY_ID, KEYS.getPrivate(), "na", clock));
    }

    private Report firstReport() {
        return client.listReports(new ReportQuery(
                        List.of(SdkSignedRequests.SETTLEMENT),
                        List.of(Report.ProcessingStatus.COMPLETED),
                        null,
                        null,
                        100))
                .get(0);
    }

    private String documentId() {
        return firstReport().reportDocumentId();
    }

    private static String text(DocumentDownload download) throws IOException {
        try (InputStream body = download.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Our client, counting the document URLs it asks Amazon for. */
    private static final class CountingClient extends AmazonPayClient {

        final AtomicInteger documentsFetched = new AtomicInteger();

        CountingClient(AmazonPayConfig config, AmazonPaySigner signer) {
            super(config, signer);
        }

        @Override
        public ReportDocument getReportDocument(String reportDocumentId) {
            documentsFetched.incrementAndGet();
            return super.getReportDocument(reportDocumentId);
        }
    }
}
