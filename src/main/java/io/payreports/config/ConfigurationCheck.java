package io.payreports.config;

import io.payreports.sinks.DeadLetterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The one check of a configuration, run by {@code validate} and first thing by {@code run}, so the
 * two cannot disagree: the settings, every sink (built as {@code run} builds it, but connected to
 * nothing), the {@code payreports.*} keys against {@link ConfigKeys}, the job files and the declared
 * report schedules. Problems stop {@code run}; warnings (an empty routes folder) do not.
 */
public final class ConfigurationCheck {

    /** The declared report schedules, checked when present (beside the operator's configuration file when there is one). */
    static final Path SCHEDULES = Path.of("config", "report-schedules.yaml");

    /** The jobs run when there is no routes folder, packaged from routes/ and docs/jobs/. */
    private static final List<String> DEFAULT_JOB_RESOURCES =
            List.of("routes/amazonpay-settlement.yaml", "jobs/amazonpay-disbursements.yaml");
    /** The same two jobs for the demo's second account, eu, which exists in demo mode only. */
    private static final List<String> SECOND_DEMO_ACCOUNT_JOB_RESOURCES =
            List.of("jobs/amazonpay-settlement-eu.yaml", "jobs/amazonpay-disbursements-eu.yaml");

    /**
     * The packaged job files run when there is no routes folder: with credentials of the operator's own the
     * default account's two jobs, in demo mode also those of its second account.
     */
    static List<String> defaultJobResources(boolean demoWithSecondAccount) {
        List<String> resources = new ArrayList<>(DEFAULT_JOB_RESOURCES);
        if (demoWithSecondAccount) {
            resources.addAll(SECOND_DEMO_ACCOUNT_JOB_RESOURCES);
        }
        return resources;
    }

    /**
     * What the check found; {@code destinations} names where each sink delivers (no credentials),
     * {@code deadLetters} the folder of dead-letter files (empty when the settings are broken), {@code crons}
     * the cron of each job by job id.
     */
    public record Outcome(
            List<ConfigProblem> problems,
            List<ConfigProblem> warnings,
            Map<String, String> destinations,
            Optional<Path> deadLetters,
            List<String> connections,
            Map<String, String> crons) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigurationCheck() {}

    /**
     * @param configFile {@code --config FILE} or null
     * @param routesDir  {@code --routes DIR} or null (then PAYREPORTS_ROUTES_DIR, ./routes, else the demo job)
     */
    public static Outcome check(Path configFile, Path routesDir) {
        return new ConfigurationCheck().run(configFile, routesDir, Optional.empty());
    }

    /**
     * As {@link #check}, then, when the configuration is valid, opens each configured database and calls each Amazon
     * API with {@code account}'s credentials ({@code validate --connect --account NAME}).
     */
    public static Outcome checkAndConnect(Path configFile, Path routesDir, String account) {
        return new ConfigurationCheck().run(configFile, routesDir, Optional.of(account));
    }

    private Outcome run(Path configFile, Path routesOption, Optional<String> connectAccount) {
        List<ConfigProblem> warnings = new ArrayList<>();
        Optional<Path> operatorConfig =
                attempt(() -> ConfigFiles.operatorConfig(configFile)).orElse(Optional.empty());
        Optional<Optional<Path>> routesDir = attempt(() -> ConfigFiles.routesDir(routesOption));
        if (!problems.isEmpty()) {
            return new Outcome(problems, warnings, Map.of(), Optional.empty(), List.of(), Map.of());
        }
        ConfigLocator locator = new ConfigLocator(operatorConfig);
        DefaultCamelContext context = new DefaultCamelContext();
        // only its properties are used: no "is shutting down" summary in the log before the runtime's start-up one
        context.setStartupSummaryLevel(org.apache.camel.StartupSummaryLevel.Off);
        DataSources dataSources = new DataSources();
        try {
            context.getPropertiesComponent().setLocation(ConfigFiles.propertyLocations(operatorConfig));
            Function<String, String> lookup =
                    key -> context.getPropertiesComponent().resolveProperty(key).orElse(null);
            Optional<PayreportsSettings> settings = attempt(() -> PayreportsSettings.read(lookup, locator));
            Set<String> accountKeys = context.getPropertiesComponent()
                    .loadProperties(key -> key.startsWith(AccountKeys.PREFIX))
                    .stringPropertyNames();
            Optional<Map<String, AccountSettings>> accounts =
                    attempt(() -> AccountSettings.readAll(lookup, locator, accountKeys));
            attempt(() -> PayreportsSettings.readCluster(lookup, locator));
            attempt(() -> PayreportsSettings.readReplayToken(lookup, locator));
            attempt(() -> ReconciliationSettings.read(lookup, locator));
            attempt(() -> DemoAmazonPay.faults(lookup, locator));

            Set<String> keys = context.getPropertiesComponent()
                    .loadProperties(key -> key.startsWith("payreports."))
                    .stringPropertyNames();
            // the sinks first: the templates, the declaration files (checked as job files are), then the
            // sinks of payreports.sinks.* keys; the jobs may name any of them
            ConfiguredSinks.load(context, List.of());
            // sink declarations name no account
            JobFileValidator declarations = new JobFileValidator(context, Set.of(), Optional.empty(), locator);
            problems.addAll(declarations.validate(ConfiguredSinks.declarationFiles(routesDir.get())));
            Set<String> propertySinks = ConfiguredSinks.names(keys);
            Optional<ConfiguredSinks> sinks = settings.flatMap(s -> attempt(() -> ConfiguredSinks.build(
                    lookup,
                    locator,
                    propertySinks,
                    s,
                    context,
                    dataSources,
                    new DeadLetterWriter(s.outputDir(), RuntimeClock.get()),
                    RuntimeClock.get())));
            Map<String, String> destinations =
                    sinks.map(built -> built.destinations).orElse(Map.of());
            // a sink whose keys or file have problems still counts as declared: its problems are reported there
            Set<String> sinkNames = new TreeSet<>(propertySinks);
            sinkNames.addAll(declarations.sinkNames());

            JobFileValidator jobs = new JobFileValidator(context, sinkNames, accounts, locator);
            JobFileValidator.loadTemplates(context);
            List<JobFileValidator.JobFile> files =
                    jobFiles(routesDir.get(), DemoAmazonPay.withSecondAccount(lookup, accountKeys));
            problems.addAll(jobs.validate(files));
            if (files.isEmpty()) {
                warnings.add(new ConfigProblem(
                        routesDir.get().map(Path::toString).orElse("routes"),
                        0,
                        "routes",
                        "no job files (*.yaml): nothing will run; copy one from docs/jobs/"));
            }
            Map<String, String> sinkTypes = new LinkedHashMap<>();
            propertySinks.forEach(sink -> sinkTypes.put(
                    sink,
                    lookup.apply(ConfigKeys.SINKS + sink + ".type") != null
                            ? lookup.apply(ConfigKeys.SINKS + sink + ".type")
                            : sink));
            for (String key : new TreeSet<>(keys)) {
                ConfigKeys.unknown(key, sinkTypes, jobs.jobIds())
                        .ifPresent(message -> problems.add(locator.problem(key, message)));
            }
            Path schedules = operatorConfig
                    .map(file -> file.resolveSibling(SCHEDULES.getFileName()))
                    .orElse(SCHEDULES);
            if (Files.exists(schedules)) {
                attempt(() -> DeclaredSchedules.read(schedules));
            }
            List<String> connections = new ArrayList<>();
            if (connectAccount.isPresent() && problems.isEmpty()) {
                AccountSettings account = accounts.orElseThrow().get(connectAccount.get());
                if (account == null) {
                    return new Outcome(
                            List.of(new ConfigProblem(
                                    operatorConfig.map(Path::toString).orElse(null),
                                    0,
                                    "--account",
                                    Accounts.unknown(
                                            connectAccount.get(), accounts.get().keySet()))),
                            warnings,
                            destinations,
                            Optional.empty(),
                            List.of(),
                            Map.of());
                }
                ConnectionCheck databases =
                        ConnectionCheck.run(settings.orElseThrow(), account, sinks.orElseThrow(), locator);
                connections.addAll(databases.report());
                problems.addAll(databases.problems());
            }
            return new Outcome(
                    // the default account's keys are read as the single-account settings and as an account
                    problems.stream().distinct().toList(),
                    warnings,
                    destinations,
                    settings.map(s -> DeadLetterWriter.directory(s.outputDir())),
                    connections,
                    Map.copyOf(jobs.crons()));
        } finally {
            dataSources.close();
            context.stop();
        }
    }

    /** The job files of {@code dir}, or the jobs packaged in the jar when there is no routes folder. */
    private static List<JobFileValidator.JobFile> jobFiles(Optional<Path> dir, boolean demoWithSecondAccount) {
        List<JobFileValidator.JobFile> files = new ArrayList<>();
        try {
            if (dir.isEmpty()) {
                for (String resource : defaultJobResources(demoWithSecondAccount)) {
                    try (InputStream demo =
                            ConfigurationCheck.class.getClassLoader().getResourceAsStream(resource)) {
                        if (demo != null) {
                            files.add(new JobFileValidator.JobFile(
                                    "classpath:" + resource, new String(demo.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
                return files;
            }
            try (DirectoryStream<Path> yaml = Files.newDirectoryStream(dir.get(), "*.yaml")) {
                for (Path file : yaml) {
                    files.add(new JobFileValidator.JobFile(
                            file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job files: " + e.getMessage(), e);
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        return files;
    }

    /** Runs one part of the check; its problems are collected and the others still run. */
    private <T> Optional<T> attempt(Supplier<T> part) {
        try {
            return Optional.ofNullable(part.get());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }
}
