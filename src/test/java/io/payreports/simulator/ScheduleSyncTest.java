package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.amazonpay.PemKeys;
import io.payreports.amazonpay.ReportSchedule;
import io.payreports.amazonpay.ScheduleSync;
import io.payreports.amazonpay.ScheduleSync.Action;
import io.payreports.amazonpay.ScheduleSync.Step;
import io.payreports.config.ConfigException;
import io.payreports.config.DeclaredSchedules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report schedules as code against the simulator: plan, dry run, apply, prune. */
class ScheduleSyncTest {

    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String ORDERS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_";
    private static final String REFUNDS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_";
    private static final String AUTHORIZATIONS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private AmazonPaySimulator simulator;
    private AmazonPayClient client;
    private ScheduleSync sync;

    @BeforeEach
    void start() throws Exception {
        simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, "KEY", KEYS.getPublic(), clock));
        client = SignedClients.to(simulator, "KEY", KEYS.getPrivate(), clock);
        sync = new ScheduleSync(client, clock);
        for (String type : List.of(ORDERS, REFUNDS, AUTHORIZATIONS)) {
            client.createReportSchedule(type, "P1D", clock.instant().plusSeconds(60), false, type);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void thePlanSaysWhatChangesAndADryRunChangesNothing() {
        List<Step> plan = sync.plan(declared(), false);

        assertThat(plan)
                .extracting(Step::action, Step::reportType)
                .containsExactly(
                        tuple(Action.REPLACE, REFUNDS),
                        tuple(Action.UNCHANGED, AUTHORIZATIONS),
                        tuple(Action.UNCHANGED, ORDERS));
        assertThat(client.getReportSchedules(List.of()))
                .extracting(ReportSchedule::scheduleFrequency)
                .containsOnly("P1D");
    }

    @Test
    void applyingWithPruneLeavesExactlyTheDeclaredSchedules() {
        sync.apply(sync.plan(declared(), true));

        assertThat(client.getReportSchedules(List.of()))
                .extracting(ReportSchedule::reportType, ReportSchedule::scheduleFrequency)
                .containsExactlyInAnyOrder(tuple(ORDERS, "P1D"), tuple(REFUNDS, "P7D"));
        assertThat(sync.plan(declared(), true)).extracting(Step::action).containsOnly(Action.UNCHANGED);
    }

    @Test
    void theDeclarationFileIsCheckedAndNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("s.yaml"), "schedules:\n  - reportType: " + ORDERS + "\n    scheduleFrequency: P6D\n");

        assertThatThrownBy(() -> DeclaredSchedules.read(file))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.getMessage())
                                .startsWith(file + ":0: scheduleFrequency: 'P6D' is not one of"));
        assertThat(DeclaredSchedules.read(Path.of("config/report-schedules.yaml"))
                        .schedules())
                .containsKeys(ORDERS, REFUNDS);
    }

    private static Map<String, String> declared() {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put(ORDERS, "P1D");
        declared.put(REFUNDS, "P7D");
        return declared;
    }
}
