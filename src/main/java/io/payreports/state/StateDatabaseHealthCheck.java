package io.payreports.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the state database (delivered reports, watermarks) answers. Without it no report can be
 * marked delivered, so an orchestrator should not count this instance in; it stays live, as the
 * database may come back. The message names the failure, never the JDBC URL's credentials; the details say
 * which database product answered and how fast.
 */
public final class StateDatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource state;

    public StateDatabaseHealthCheck(DataSource state) {
        super("payreports", "state-database");
        this.state = state;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long started = System.nanoTime();
        try (Connection connection = state.getConnection()) {
            if (connection.isValid(2)) {
                builder.detail("database", connection.getMetaData().getDatabaseProductName())
                        .detail("responseMillis", (System.nanoTime() - started) / 1_000_000)
                        .up();
            } else {
                builder.message("the state database did not answer within 2 s").down();
            }
        } catch (SQLException e) {
            builder.message("the state database is not reachable: " + e.getMessage())
                    .error(e)
                    .down();
        }
    }
}
