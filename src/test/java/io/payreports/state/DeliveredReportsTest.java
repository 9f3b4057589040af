package io.payreports.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.sinks.TestDatabases;
import java.nio.file.Path;
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
