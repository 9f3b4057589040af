package io.payreports.config;

import io.payreports.sinks.Redaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code validate --connect}: opens each configured database (the state database and every jdbc sink)
 * once, reads nothing and writes nothing, and reports each as reachable or with the driver's reason.
 * An embedded H2 file is not opened: opening would create it.
 */
final class ConnectionCheck {

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    /** Lines for the operator: what was reached, and what was not checked. */
    private final List<String> report = new ArrayList<>();

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final PayreportsSettings.KeyLocator locator;

    private ConnectionCheck(PayreportsSettings.KeyLocator locator) {
        this.locator = locator;
    }

    static ConnectionCheck run(
            PayreportsSettings settings,
            Map<String, String> sinkTypes,
            Function<String, String> lookup,
            PayreportsSettings.KeyLocator locator) {
        ConnectionCheck check = new ConnectionCheck(locator);
        check.database("state database", "payreports.state.jdbc-url", settings.stateJdbcUrl(), null, null);
        sinkTypes.forEach((sink, type) -> {
            String p = ConfigKeys.SINKS + sink + ".";
            if (type.equals("jdbc")) {
                String url = sink.equals("jdbc") ? settings.recordsJdbcUrl() : lookup.apply(p + "url");
                check.database(
                        "sink " + sink, p + "url", url, lookup.apply(p + "username"), lookup.apply(p + "password"));
            } else if (!type.equals("file")) {
                check.report.add("sink " + sink + " (" + type + "): not checked by --connect yet");
            }
        });
        return check;
    }

    private void database(String what, String key, String url, String user, String password) {
        String shown = Redaction.jdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            report.add(what + " " + shown + ": embedded H2, nothing to connect to");
            return;
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection connection =
                user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password)) {
            report.add(what + " " + shown + ": ok (" + connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion() + ")");
        } catch (SQLException e) {
            problems.add(locator.problem(
                    key, "cannot connect to " + shown + ": " + Redaction.presignedUrls(e.getMessage())));
        }
    }

    List<String> report() {
        return report;
    }

    List<ConfigProblem> problems() {
        return problems;
    }
}
