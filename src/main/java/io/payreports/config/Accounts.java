package io.payreports.config;

import io.payreports.amazonpay.AmazonPayClient;
import io.payreports.mws.MwsClient;
import io.payreports.reports.ReportContext;
import io.payreports.simulator.Faults;
import io.payreports.spapi.SpApiClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merchant accounts' connections, by account name: one Amazon Pay signer and client, one SP-API client (its LWA
 * token cache and rate limiters, which Amazon counts per account) and one MWS client per account. Each is opened on
 * its first use, under its account's own lock, so that one account's slow start, throttling or bad key holds up
 * none of the others' jobs.
 */
public final class Accounts implements AutoCloseable {

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    /**
     * @param settings   what every account shares (timeouts, document policy, the data folder of the demo keys)
     * @param demoFaults what the demo simulators inject ({@code payreports.demo.faults})
     * @param quietDemo  no job will call Amazon (replay): a demo connection is not worth a warning
     */
    Accounts(
            Map<String, AccountSettings> configured,
            PayreportsSettings settings,
            Faults demoFaults,
            PayreportsSettings.KeyLocator locator,
            Clock clock,
            boolean quietDemo) {
        configured.forEach((name, account) ->
                accounts.put(name, new Account(account, settings, demoFaults, locator, clock, quietDemo)));
    }

    /** The configured accounts' names, {@code default} first. */
    public Set<String> names() {
        return accounts.keySet();
    }

    public AmazonPayClient amazonPay(String account) {
        return account(account).amazonPay().client();
    }

    public SpApiClient spApi(String account) {
        return account(account).spApi.client();
    }

    public MwsClient mws(String account) {
        return account(account).mws.client();
    }

    /** The payout targets and other shared SP-API settings, with {@code account}'s credentials. */
    public SpApiSettings spApiSettings(String account) {
        return account(account).spApi.settings();
    }

    /**
     * Opens the Amazon Pay connection of every account with a key, so that an unreadable key file fails the start
     * rather than the account's first job; demo accounts still start their simulator on first use.
     */
    void openKeyed() {
        accounts.values().stream()
                .filter(account -> !account.settings.amazonPay().demoMode())
                .forEach(Account::amazonPay);
    }

    /** Where each account's calls went, once a call was made; another account than {@code default} is named. */
    synchronized String describe() {
        List<String> used = new ArrayList<>();
        accounts.forEach((name, account) -> account.used()
                .forEach(connection -> used.add(
                        name.equals(ReportContext.DEFAULT_ACCOUNT)
                                ? connection
                                : "account " + name + ": " + connection)));
        return used.isEmpty() ? "no Amazon API called" : String.join("; ", used);
    }

    /**
     * How a demo connection's log line names its account: {@code " for account eu"}, nothing for the default
     * account, whose lines read as they did before there were accounts.
     */
    static String forAccount(String account) {
        return ReportContext.isDefault(account) ? "" : " for account " + account;
    }

    /** What a job or command naming an account no configuration declares is told. */
    static String unknown(String account, Collection<String> configured) {
        return "no account '" + account + "' is configured (configured: " + String.join(", ", configured)
                + "); declare it with payreports.accounts." + account + ".<api>.<option> keys (docs/accounts.md)";
    }

    private Account account(String name) {
        Account account = accounts.get(name);
        if (account == null) {
            throw new IllegalArgumentException(unknown(name, accounts.keySet()));
        }
        return account;
    }

    @Override
    public void close() {
        accounts.values().forEach(Account::close);
    }

    /** One account's connections. */
    private static final class Account implements AutoCloseable {
        private final AccountSettings settings;
        private final PayreportsSettings shared;
        private final Faults demoFaults;
        private final PayreportsSettings.KeyLocator locator;
        private final Clock clock;
        private final boolean quietDemo;
        private final SpApiConnection spApi;
        private final MwsConnection mws;
        private AmazonPayConnection amazonPay; // guarded by this

        Account(
                AccountSettings settings,
                PayreportsSettings shared,
                Faults demoFaults,
                PayreportsSettings.KeyLocator locator,
                Clock clock,
                boolean quietDemo) {
            this.settings = settings;
            this.shared = shared;
            this.demoFaults = demoFaults;
            this.locator = locator;
            this.clock = clock;
            this.quietDemo = quietDemo;
            // the SP-API and MWS demo simulators inject only the data breaks, so that the demo's payouts and
            // unsettled captures match its Amazon Pay settlements; their clients open on first use themselves
            this.spApi = new SpApiConnection(settings.name(), settings.spApi(), clock, demoFaults.breaksOnly());
            this.mws = new MwsConnection(settings.name(), settings.mws(), clock, demoFaults.breaksOnly());
        }

        synchronized AmazonPayConnection amazonPay() {
            if (amazonPay == null) {
                amazonPay = AmazonPayConnection.open(shared, settings, demoFaults, locator, clock);
                if (!quietDemo) {
                    amazonPay.warnIfDemo();
                }
            }
            return amazonPay;
        }

        synchronized List<String> used() {
            List<String> used = new ArrayList<>();
            Optional.ofNullable(amazonPay).map(AmazonPayConnection::description).ifPresent(used::add);
            spApi.usedDescription().ifPresent(used::add);
            mws.usedDescription().ifPresent(used::add);
            return used;
        }

        @Override
        public synchronized void close() {
            if (amazonPay != null) {
                amazonPay.close();
            }
            mws.close();
            spApi.close();
        }
    }
}
