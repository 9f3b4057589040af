package io.payreports.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.payreports.sinks.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any report id Amazon may return is remembered as delivered, in H2 and in PostgreSQL alike. */
class DeliveredReportsTest {

    private static final String LONG_ID = "job/" + "A".repeat(6_001);
    private static final String NUL_ID = "job/abc\0def";

    @TempDir
    Path dir;

    @Test
    void longAndNulContainingIdsAreRememberedInH2() throws Exception {
        rememberedIn(TestDatabases.h2(dir));
    }

    @Test
    void longAndNulContainingIdsAreRememberedInPostgresql() throws Exception {
        try (OwnedPostgresDatabase postgres = new OwnedPostgresDatabase()) {
            org.postgresql.ds.PGSimpleDataSource state = new org.postgresql.ds.PGSimpleDataSource();
            state.setURL(postgres.jdbcUrl());
            StateSchema.ensure(state, false);
            rememberedIn(state);
        }
    }

    @Test
    void aFailedCheckDropsThePooledConnectionsTheOutageEndedSoTheNextCheckWaitsForAFreshOne() throws Exception {
        try (OwnedPostgresDatabase postgres = new OwnedPostgresDatabase();
                HikariDataSource pool = pool(postgres.jdbcUrl(), 3)) {
            StateSchema.ensure(pool, false);
            HikariPoolMXBean connections = pool.getHikariPoolMXBean();
            awaitIdle(connections, 3);
            DeliveredReports delivered = new DeliveredReports(pool);
            delivered.start();
            try {
                postgres.cut();
                assertThatThrownBy(() -> delivered.contains("job/AREPORT1"))
                        .isInstanceOf(StateDatabaseException.class)
                        .hasMessageStartingWith(
                                "could not check in the state database whether job/AREPORT1 was delivered");
                assertThat(connections.getIdleConnections())
                        .as("the connections the outage ended, dropped")
                        .isZero();

                postgres.restore();
                assertThat(delivered.contains("job/AREPORT1")).isFalse();
            } finally {
                delivered.stop();
            }
        }
    }

    private static HikariDataSource pool(String jdbcUrl, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    private static void awaitIdle(HikariPoolMXBean connections, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (connections.getIdleConnections() < count) {
            assertThat(System.nanoTime()).as(count + " idle connections").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void ordinaryIdsAreStoredAsBeforeSoEarlierDeliveriesStillCount() {
        assertThat(DeliveredReports.storedKey("amazonpay-settlement/AMZN1234567890"))
                .isEqualTo("amazonpay-settlement/AMZN1234567890");
        assertThat(DeliveredReports.storedKey(LONG_ID)).startsWith("sha256:").hasSize(71);
        assertThat(DeliveredReports.storedKey("job/abc/def")).isNotEqualTo(DeliveredReports.storedKey(NUL_ID));
    }

    private static void rememberedIn(DataSource state) throws Exception {
        DeliveredReports delivered = new DeliveredReports(state);
        delivered.start();
        try {
            for (String key : new String[] {LONG_ID, NUL_ID, "job/" + "B".repeat(97)}) {
                assertThat(delivered.contains(key))
                        .as(key.length() + " characters")
                        .isFalse();
                assertThat(delivered.add(key)).isTrue();
                assertThat(delivered.contains(key)).isTrue();
            }
            assertThat(delivered.contains("job/abc/def")).isFalse();
        } finally {
            delivered.stop();
        }
    }
}
