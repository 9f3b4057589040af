package io.payreports.config;

import io.payreports.reports.ReportContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one account's settings of one Amazon API are read: {@code payreports.accounts.<name>.<api>.<option>}; for
 * the account {@code default} the single-account key {@code payreports.<api>.<option>} (and the PAYREPORTS_*
 * variable the built-in defaults read into it), unless its {@code payreports.accounts.default.*} key is set.
 */
final class AccountKeys {

    static final String PREFIX = "payreports.accounts.";

    /** The options an account has per API; every other setting of the API is the same for all accounts. */
    static final Map<String, List<String>> OPTIONS = Map.of(
            "amazonpay", List.of("region", "environment", "public-key-id", "private-key-file", "endpoint"),
            "spapi", List.of("region", "client-id", "client-secret", "refresh-token", "endpoint", "lwa-endpoint"),
            "mws", List.of("region", "access-key-id", "secret-key", "seller-id", "auth-token", "endpoint"));

    /** The built-in values of the options that have one: a single-account key at its built-in value counts as unset. */
    static final Map<String, String> BUILT_IN = Map.of("region", "na", "environment", "live");

    /** An account's key; the name is matched up to its last API segment, so that a name may hold dots. */
    static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "(.+)\\.(amazonpay|spapi|mws)\\.([^.]+)");

    private final String account;
    private final String api;
    private final Function<String, String> lookup;

    private AccountKeys(String account, String api, Function<String, String> lookup) {
        this.account = account;
        this.api = api;
        this.lookup = lookup;
    }

    static AccountKeys of(String account, String api, Function<String, String> lookup) {
        return new AccountKeys(account, api, lookup);
    }

    /** The key the option is read from. */
    String key(String option) {
        String named = named(account, api, option);
        if (!account.equals(ReportContext.DEFAULT_ACCOUNT) || isSet(lookup.apply(named))) {
            return named;
        }
        return single(api, option);
    }

    /** Where the built-in defaults take the option from, {@code " (PAYREPORTS_...)"}, for a single-account key; else empty. */
    String variable(String option) {
        return key(option).startsWith(PREFIX)
                ? ""
                : " (PAYREPORTS_"
                        + (api + "_" + option).toUpperCase(Locale.ROOT).replace('-', '_') + ")";
    }

    static String named(String account, String api, String option) {
        return PREFIX + account + "." + api + "." + option;
    }

    static String single(String api, String option) {
        return "payreports." + api + "." + option;
    }

    /** The account an account key belongs to. */
    static Optional<String> accountOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Problems on an account's keys name the account: {@code account eu: ...}. */
    static PayreportsSettings.KeyLocator namingAccounts(PayreportsSettings.KeyLocator locator) {
        return (key, message) -> locator.problem(
                key,
                accountOf(key).map(name -> "account " + name + ": " + message).orElse(message));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
