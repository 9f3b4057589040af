package io.payreports.mws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payreports.config.RuntimeClock;
import io.payreports.simulator.MwsSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MWS client against the simulator: SigV2-signed, XML answers, Amazon's quirks. */
class MwsClientTest {

    static final String ACCESS_KEY = "AKIAMWSEXAMPLE";
    static final String SECRET = "mws/secret+key/EXAMPLE";
    static final String SELLER = "A1MWSSELLER";
    private static final List<String> SETTLEMENT = List.of("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_");

    @Test
    void listsGeneratedReportsOverAllPagesWithNormalizedTypesAndStatuses() throws IOException {
        try (MwsSimulator simulator =
                MwsSimulator.start(MwsSimulator.Options.of(0, ACCESS_KEY, SECRET, SELLER, RuntimeClock.get()))) {
            List<MwsReport> reports = client(simulator, SECRET)
                    .generatedReports(
                            SETTLEMENT,
                            RuntimeClock.get().instant().minus(Duration.ofDays(90)),
                            RuntimeClock.get().instant());

            assertThat(reports).hasSizeGreaterThan(4); // more than one page
            assertThat(reports)
                    .extracting(MwsReport::reportType)
                    .containsOnly("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_");
            assertThat(reports)
                    .filteredOn(MwsReport::hasNoData)
                    .singleElement()
                    .satisfies(report -> assertThat(report.reportId()).isEmpty());
            assertThat(reports).filteredOn(report -> !report.hasNoData()).allSatisfy(report -> {
                assertThat(report.status()).isEqualTo("DONE");
                assertThat(report.reportId()).matches("\\d{11}");
                assertThat(report.dataEnd()).isAfter(report.dataStart());
            });
            assertThat(reports)
                    .as("one report generated a day after its data ended")
                    .anySatisfy(report -> assertThat(Duration.between(report.dataEnd(), report.submitted()))
                            .isGreaterThan(Duration.ofHours(24)));
        }
    }

    @Test
    void acknowledgedReportsAreNoLongerUnacknowledgedAndBatchesStayWithinOneHundred() throws IOException {
        try (MwsSimulator simulator =
                MwsSimulator.start(MwsSimulator.Options.of(0, ACCESS_KEY, SECRET, SELLER, RuntimeClock.get()))) {
            MwsClient client = client(simulator, SECRET);
            List<MwsReport> reports = client.generatedReports(
                    SETTLEMENT,
                    RuntimeClock.get().instant().minus(Duration.ofDays(90)),
                    RuntimeClock.get().instant());
            Set<String> open = client.unacknowledged(SETTLEMENT);
            assertThat(open).hasSize(reports.size() - 1);

            List<String> ids = new ArrayList<>(open);
            for (int i = 0; i < 150; i++) {
                ids.add("9" + i); // unknown ids: Amazon counts only its own
            }
            assertThat(client.acknowledge(ids)).isEqualTo(open.size());
            assertThat(client.unacknowledged(SETTLEMENT)).isEmpty();
        }
    }

    @Test
    void aDownloadIsCheckedAgainstItsContentMd5() throws IOException {
        try (MwsSimulator simulator =
                MwsSimulator.start(MwsSimulator.Options.of(0, ACCESS_KEY, SECRET, SELLER, RuntimeClock.get())
                        .withCorruptDownloads(1))) {
            MwsClient client = client(simulator, SECRET);
            String reportId = client.generatedReports(
                            SETTLEMENT,
                            RuntimeClock.get().instant().minus(Duration.ofDays(90)),
                            RuntimeClock.get().instant())
                    .get(0)
                    .reportId();

            assertThatThrownBy(() -> drain(client.report(reportId)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("report " + reportId + " arrived damaged: Content-MD5 ");
            assertThat(drain(client.report(reportId)))
                    .as("the next download is whole")
                    .isGreaterThan(1000);
        }
    }

    @Test
    void aWrongSecretIsRefusedAsAmazonDoesAndTheSecretIsNotInTheError() throws IOException {
        try (MwsSimulator simulator =
                MwsSimulator.start(MwsSimulator.Options.of(0, ACCESS_KEY, SECRET, SELLER, RuntimeClock.get()))) {
            assertThatThrownBy(() -> client(simulator, "not-the-secret")
                            .generatedReports(
                                    SETTLEMENT,
                                    RuntimeClock.get().instant().minus(Duration.ofDays(1)),
                                    RuntimeClock.get().instant()))
                    .isInstanceOfSatisfying(MwsApiException.class, e -> {
                        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).doesNotContain("not-the-secret", SECRET);
                    });
        }
    }

    static MwsClient client(MwsSimulator simulator, String secret) {
        return new MwsClient(
                new MwsConfig(
                        simulator.baseUrl(),
                        ACCESS_KEY,
                        secret,
                        SELLER,
                        Optional.empty(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30)),
                RuntimeClock.get());
    }

    private static long drain(InputStream in) throws IOException {
        try (in) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
