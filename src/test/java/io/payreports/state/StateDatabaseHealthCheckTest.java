package io.payreports.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDatabaseHealthCheckTest {

    @TempDir
    Path dir;

    @Test
    void readyWhileTheStateDatabaseAnswersAndNotWhenItDoesNot() {
        JdbcDataSource reachable = new JdbcDataSource();
        reachable.setURL("jdbc:h2:file:" + dir.resolve("state"));
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + dir.resolve("nowhere/state") + ";IFEXISTS=TRUE");

        assertThat(call(new StateDatabaseHealthCheck(reachable)).getState()).isEqualTo(HealthCheck.State.UP);
        HealthCheck.Result down = call(new StateDatabaseHealthCheck(missing));
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(message -> assertThat(message).startsWith("the state database is not reachable: "));
        assertThat(new StateDatabaseHealthCheck(missing).isLiveness())
                .as("a database outage is not a reason to restart")
                .isFalse();
    }

    private static HealthCheck.Result call(StateDatabaseHealthCheck check) {
        check.setCamelContext(new DefaultCamelContext());
        return check.call(Map.of());
    }
}
