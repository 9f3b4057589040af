package io.payreports.config;

import io.payreports.amazonpay.ReportQuery;
import io.payreports.mws.MwsClient;
import io.payreports.reports.ReportContext;
import io.payreports.reports.ReportModels;
import io.payreports.simulator.Faults;
import io.payreports.sinks.Reachable;
import io.payreports.sinks.Redaction;
import io.payreports.spapi.SpApiClient;
import io.payreports.spapi.TransactionsQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code validate --connect}: opens each configured connection once and reports each as reachable or
 * with the reason, moving no state: the state database and every jdbc sink (connect only), SFTP (log
 * in), S3 (head the bucket), Kafka (describe the cluster), and one signed read-only call per Amazon
 * API with real credentials (Amazon Pay getReports, SP-API listTransactions of the last day, MWS
 * GetReportList). An embedded H2 file is not opened: opening would create it; demo mode has nothing
 * to connect to.
 */
final class ConnectionCheck {

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    /** The key a sink's problem is reported on: the one naming where it goes. */
    private static final Map<String, String> FIRST_KEY =
            Map.of("sftp", "host", "s3", "bucket", "kafka", "bootstrap-servers");

    /** Lines for the operator: what was reached, and what was not checked. */
    private final List<String> report = new ArrayList<>();

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final PayreportsSettings.KeyLocator locator;

    private ConnectionCheck(PayreportsSettings.KeyLocator locator) {
        this.locator = locator;
    }

    static ConnectionCheck run(
            PayreportsSettings settings,
            AccountSettings account,
            ConfiguredSinks sinks,
            PayreportsSettings.KeyLocator locator) {
        ConnectionCheck check = new ConnectionCheck(locator);
        check.database("state database", "payreports.state.jdbc-url", settings.stateJdbcUrl(), null, null);
        sinks.types.forEach((sink, type) -> {
            String p = ConfigKeys.SINKS + sink + ".";
            Map<String, String> parameters = sinks.parameters.get(sink);
            if (type.equals("jdbc")) {
                check.database(
                        "sink " + sink,
                        p + "url",
                        parameters.get("url"),
                        parameters.get("username"),
                        parameters.get("password"));
            } else if (sinks.remotes.containsKey(sink)) {
                Reachable remote = sinks.remotes.get(sink);
                String what = "sink " + sink + " " + sinks.destinations.get(sink);
                check.reach(what, p + FIRST_KEY.getOrDefault(type, "type"), remote);
            }
        });
        check.amazonApis(settings, account);
        return check;
    }

    /** One signed read-only call per API with {@code account}'s credentials; every line names a named account. */
    private void amazonApis(PayreportsSettings settings, AccountSettings account) {
        settings.applyHttpLimits();
        Clock clock = RuntimeClock.get();
        // the default account's keys are the single-account ones, which name no account
        String named = account.name().equals(ReportContext.DEFAULT_ACCOUNT) ? "" : "account " + account.name() + ": ";
        SpApiSettings spApi = account.spApi();
        MwsSettings mws = account.mws();
        if (account.amazonPay().demoMode()) {
            report.add(named + "Amazon Pay: demo mode (built-in simulator), nothing to connect to");
        } else {
            try (AmazonPayConnection amazonPay =
                    AmazonPayConnection.open(settings, account, Faults.none(), locator, clock)) {
                reach(
                        named + amazonPay.description(),
                        keyOf(account, "amazonpay", "public-key-id"),
                        () -> "getReports answered "
                                + amazonPay
                                        .client()
                                        .getReports(new ReportQuery(List.of(), List.of(), null, null, 1))
                                        .reports()
                                        .size()
                                + " report(s) on a page of 1");
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (spApi.demoMode()) {
            report.add(named + "SP-API: demo mode (built-in simulator), nothing to connect to");
        } else {
            SpApiClient client = new SpApiConnection(account.name(), spApi, clock).client();
            Instant before = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
            reach(
                    named + "SP-API at " + client.config().endpoint(),
                    keyOf(account, "spapi", "refresh-token"),
                    () -> "listTransactions answered "
                            + client.listTransactions(
                                            new TransactionsQuery(before.minus(Duration.ofDays(1)), before, null), null)
                                    .transactions()
                                    .size()
                            + " transaction(s) of the last day on its first page");
        }
        if (mws.demoMode()) {
            report.add(named + "MWS: demo mode (built-in simulator), nothing to connect to");
        } else {
            MwsClient client = new MwsConnection(account.name(), mws, clock, Faults.none()).client();
            reach(
                    named + "MWS at " + mws.config().endpoint(),
                    keyOf(account, "mws", "access-key-id"),
                    () -> "GetReportList answered "
                            + client.unacknowledged(List.of(ReportModels.SETTLEMENT))
                                    .size() + " unacknowledged settlement report(s)");
        }
    }

    /** The key a problem of the account's API is reported on: the single-account key for the default account. */
    private static String keyOf(AccountSettings account, String api, String option) {
        return account.name().equals(ReportContext.DEFAULT_ACCOUNT)
                ? AccountKeys.single(api, option)
                : AccountKeys.named(account.name(), api, option);
    }

    private void reach(String what, String key, Reachable remote) {
        try {
            report.add(what + ": ok (" + remote.reach() + ")");
        } catch (Exception e) {
            problems.add(locator.problem(key, what + " does not answer: " + Reachable.reason(e)));
        }
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
