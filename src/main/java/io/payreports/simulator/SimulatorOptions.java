package io.payreports.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the simulator runs.
 *
 * @param port      127.0.0.1 port, 0 for any free one
 * @param publicKeys the public key registered for a PublicKeyId; a request with an unknown id is refused
 * @param seed      the data seed: the same seed serves the same reports
 * @param days      days of report history (Amazon keeps 90)
 * @param dataDir   extra reports served verbatim: every {@code *.csv} in it becomes a completed settlement report
 * @param generate  whether to serve the generated settlement reports too
 * @param faults    injected failures
 * @param documentContentType the Content-Type documents are served with
 * @param documentBaseUrl where document URLs point, e.g. a host payreports must refuse; empty: this simulator
 * @param merchants the accounts served, each verified against its own key and seeing only its own data (then
 *                  {@code publicKeys} is not asked); empty: the one merchant, verified with {@code publicKeys}
 */
public record SimulatorOptions(
        int port,
        Function<String, Optional<PublicKey>> publicKeys,
        long seed,
        int days,
        Clock clock,
        Optional<Path> dataDir,
        boolean generate,
        Faults faults,
        String documentContentType,
        Optional<URI> documentBaseUrl,
        List<SimulatedMerchant> merchants) {

    public static final long DEFAULT_SEED = 42;
    /** What the generated and data-dir documents are: CSV written in UTF-8. */
    public static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    public SimulatorOptions {
        merchants = List.copyOf(merchants);
    }

    /** One merchant. */
    public SimulatorOptions(
            int port,
            Function<String, Optional<PublicKey>> publicKeys,
            long seed,
            int days,
            Clock clock,
            Optional<Path> dataDir,
            boolean generate,
            Faults faults,
            String documentContentType,
            Optional<URI> documentBaseUrl) {
        this(
                port,
                publicKeys,
                seed,
                days,
                clock,
                dataDir,
                generate,
                faults,
                documentContentType,
                documentBaseUrl,
                List.of());
    }

    /** Documents served from this simulator as UTF-8 CSV. */
    public SimulatorOptions(
            int port,
            Function<String, Optional<PublicKey>> publicKeys,
            long seed,
            int days,
            Clock clock,
            Optional<Path> dataDir,
            boolean generate,
            Faults faults) {
        this(port, publicKeys, seed, days, clock, dataDir, generate, faults, CSV_UTF8, Optional.empty());
    }

    /** Generated reports of the last 90 days, one registered key, no faults. */
    public static SimulatorOptions of(int port, String publicKeyId, PublicKey publicKey, Clock clock) {
        return new SimulatorOptions(
                port,
                id -> id.equals(publicKeyId) ? Optional.of(publicKey) : Optional.empty(),
                DEFAULT_SEED,
                90,
                clock,
                Optional.empty(),
                true,
                Faults.none());
    }

    /** Generated reports of the last 90 days of each of these accounts, no faults; see {@link #withMerchants}. */
    public static SimulatorOptions of(int port, List<SimulatedMerchant> merchants, Clock clock) {
        return new SimulatorOptions(
                port,
                id -> Optional.empty(),
                DEFAULT_SEED,
                90,
                clock,
                Optional.empty(),
                true,
                Faults.none(),
                CSV_UTF8,
                Optional.empty(),
                merchants);
    }

    public SimulatorOptions withDataDir(Path dir, boolean alsoGenerate) {
        return new SimulatorOptions(
                port,
                publicKeys,
                seed,
                days,
                clock,
                Optional.of(dir),
                alsoGenerate,
                faults,
                documentContentType,
                documentBaseUrl,
                merchants);
    }

    public SimulatorOptions withFaults(Faults newFaults) {
        return new SimulatorOptions(
                port,
                publicKeys,
                seed,
                days,
                clock,
                dataDir,
                generate,
                newFaults,
                documentContentType,
                documentBaseUrl,
                merchants);
    }

    /** Serves documents with this Content-Type (the content stays UTF-8 CSV), e.g. to show a declared charset. */
    public SimulatorOptions withDocumentContentType(String contentType) {
        return new SimulatorOptions(
                port,
                publicKeys,
                seed,
                days,
                clock,
                dataDir,
                generate,
                faults,
                contentType,
                documentBaseUrl,
                merchants);
    }

    /** Hands out document URLs on another base, as a forged or misrouted getReportDocument answer would. */
    public SimulatorOptions withDocumentBaseUrl(URI baseUrl) {
        return new SimulatorOptions(
                port,
                publicKeys,
                seed,
                days,
                clock,
                dataDir,
                generate,
                faults,
                documentContentType,
                Optional.of(baseUrl),
                merchants);
    }

    /**
     * Serves these accounts instead of the one merchant: a request is verified against the key of the account its
     * PublicKeyId names (another id is refused) and sees that account's reports, documents, schedules and
     * disbursements only. With a data directory, an account serves the {@code *.csv} files of its subdirectory
     * {@code <data-dir>/<account name>}.
     */
    public SimulatorOptions withMerchants(List<SimulatedMerchant> served) {
        return new SimulatorOptions(
                port,
                publicKeys,
                seed,
                days,
                clock,
                dataDir,
                generate,
                faults,
                documentContentType,
                documentBaseUrl,
                served);
    }
}
