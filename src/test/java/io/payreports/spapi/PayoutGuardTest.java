package io.payreports.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.sinks.TestDatabases;
import io.payreports.state.OwnedPostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Amazon's one payout per pair in 24 hours holds per merchant account: one account's payout never blocks another's. */
class PayoutGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final PayoutTarget US = new PayoutTarget("ATVPDKIKX0DER", "Standard Orders");

    @TempDir
    Path dir;

    @Test
    void eachAccountHasItsOwnPayoutOfAPairInH2() throws Exception {
        eachAccountHasItsOwnPayoutOfAPair(TestDatabases.h2(dir));
    }

    @Test
    void eachAccountHasItsOwnPayoutOfAPairInPostgresql() throws Exception {
        try (OwnedPostgresDatabase postgres = new OwnedPostgresDatabase()) {
            PGSimpleDataSource state = new PGSimpleDataSource();
            state.setURL(postgres.jdbcUrl());
            eachAccountHasItsOwnPayoutOfAPair(state);
        }
    }

    /** A table from before accounts: its payouts stay the default account's, and other accounts get their own. */
    private static void eachAccountHasItsOwnPayoutOfAPair(DataSource state) throws Exception {
        try (Connection connection = state.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE payreports_spapi_payout (
                      marketplace_id VARCHAR(50) NOT NULL,
                      account_type VARCHAR(100) NOT NULL,
                      requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
                      outcome VARCHAR(100) NOT NULL,
                      payout_reference_id VARCHAR(200),
                      PRIMARY KEY (marketplace_id, account_type))""");
            statement.execute("INSERT INTO payreports_spapi_payout VALUES ('ATVPDKIKX0DER', 'Standard Orders',"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-23 09:00:00+00', 'INITIATED', 'PAYOUT-1')");
        }
        PayoutGuard defaultAccount = new PayoutGuard(state);
        PayoutGuard eu = new PayoutGuard(state, "eu");
        PayoutGuard jp = new PayoutGuard(state, "jp");

        assertThat(defaultAccount.reserve(US, NOW))
                .as("the payout of an hour ago")
                .isEmpty();
        assertThat(defaultAccount.last(US).orElseThrow().payoutReferenceId()).isEqualTo("PAYOUT-1");
        assertThat(eu.reserve(US, NOW)).isPresent();
        eu.record(US, "INITIATED", "PAYOUT-EU");
        assertThat(eu.reserve(US, NOW.plusSeconds(60))).as("eu's own payout").isEmpty();
        assertThat(jp.reserve(US, NOW.plusSeconds(60))).isPresent();
        assertThat(eu.last(US).orElseThrow().payoutReferenceId()).isEqualTo("PAYOUT-EU");
        assertThat(defaultAccount.last(US).orElseThrow().payoutReferenceId()).isEqualTo("PAYOUT-1");
    }
}
