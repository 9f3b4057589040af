package io.payreports.config;

import io.payreports.reports.ReportContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One merchant account: its credentials for each Amazon API. The account {@code default} is what the
 * single-account keys ({@code payreports.amazonpay.*}, {@code payreports.spapi.*}, {@code payreports.mws.*})
 * configure; every other account is declared by its keys, {@code payreports.accounts.<name>.<api>.<option>}.
 */
public record AccountSettings(String name, AmazonPayKeys amazonPay, SpApiSettings spApi, MwsSettings mws) {

    /**
     * Every account, {@code default} first. {@code keys} are the {@code payreports.*} keys the configuration sets:
     * those under {@code payreports.accounts.} declare the accounts. Problems name the account and the key.
     */
    public static Map<String, AccountSettings> readAll(
            Function<String, String> lookup, PayreportsSettings.KeyLocator locator, Collection<String> keys) {
        PayreportsSettings.KeyLocator naming = AccountKeys.namingAccounts(locator);
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            AccountKeys.accountOf(key)
                    .ifPresent(name -> JobIds.nameProblem("account name", name)
                            .ifPresentOrElse(
                                    message -> problems.add(naming.problem(key, message)), () -> names.add(name)));
        }
        problems.addAll(twiceForTheDefault(lookup, naming, names));
        Function<String, String> resolved = lookup;
        if (DemoAmazonPay.withSecondAccount(lookup, keys)) {
            names.addAll(DemoAmazonPay.SECOND_ACCOUNT.keySet().stream()
                    .map(key -> AccountKeys.accountOf(key).orElseThrow())
                    .toList());
            resolved = key -> DemoAmazonPay.SECOND_ACCOUNT.getOrDefault(key, lookup.apply(key));
        }
        names.remove(ReportContext.DEFAULT_ACCOUNT);
        Map<String, AccountSettings> accounts = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(List.of(ReportContext.DEFAULT_ACCOUNT));
        all.addAll(names);
        for (String name : all) {
            try {
                accounts.put(name, read(resolved, locator, name));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().distinct().toList());
        }
        return accounts;
    }

    private static AccountSettings read(
            Function<String, String> lookup, PayreportsSettings.KeyLocator locator, String name) {
        List<ConfigProblem> problems = new ArrayList<>();
        PayreportsSettings.Reader r = new PayreportsSettings.Reader(lookup, AccountKeys.namingAccounts(locator));
        AmazonPayKeys amazonPay = AmazonPayKeys.read(r, AccountKeys.of(name, "amazonpay", lookup));
        SpApiSettings spApi = null;
        MwsSettings mws = null;
        try {
            r.throwIfAny();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            spApi = PayreportsSettings.readSpApi(lookup, locator, name);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            mws = MwsSettings.read(lookup, locator, name);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AccountSettings(name, amazonPay, spApi, mws);
    }

    /**
     * The default account's option set both as a single-account key and as {@code payreports.accounts.default.*}: one
     * of the two would silently lose. A single-account key counts as set when it differs from the built-in default.
     */
    private static List<ConfigProblem> twiceForTheDefault(
            Function<String, String> lookup, PayreportsSettings.KeyLocator locator, Set<String> names) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!names.contains(ReportContext.DEFAULT_ACCOUNT)) {
            return problems;
        }
        AccountKeys.OPTIONS.forEach((api, options) -> {
            for (String option : options) {
                String named = AccountKeys.named(ReportContext.DEFAULT_ACCOUNT, api, option);
                String single = AccountKeys.single(api, option);
                String value = lookup.apply(single);
                if (set(lookup.apply(named)) && set(value) && !value.trim().equals(AccountKeys.BUILT_IN.get(option))) {
                    problems.add(locator.problem(
                            named,
                            "set twice: " + single
                                    + " is the same setting of the account default; keep one of the two"));
                }
            }
        });
        return problems;
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** Never the secrets (the records it holds hide theirs). */
    @Override
    public String toString() {
        return "AccountSettings[name=" + name + ", amazonPay=" + amazonPay.region() + "/" + amazonPay.environment()
                + ", spApi=" + spApi + ", mws=" + mws + "]";
    }
}
