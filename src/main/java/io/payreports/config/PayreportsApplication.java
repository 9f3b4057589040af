package io.payreports.config;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRuns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payreports runtime: Camel Main with our defaults, the operator's properties file, the
 * route templates from the jar and the job files from {@code routes/}, and the beans of
 * {@link PayreportsBeans}.
 */
public final class PayreportsApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PayreportsApplication.class);

    private final Main main;
    private final PayreportsBeans beans;

    private PayreportsApplication(Main main, PayreportsBeans beans) {
        this.main = main;
        this.beans = beans;
    }

    /** The route templates and shared routes shipped in the jar. */
    static final List<String> BUILT_IN_ROUTES = List.of(
            "classpath:camel/errors.yaml",
            "classpath:camel/amazonpay-reports.yaml",
            "classpath:camel/mws-reports.yaml",
            "classpath:camel/report-delivery.yaml",
            "classpath:camel/spapi-finances.yaml",
            "classpath:camel/reconciliation.yaml");

    /**
     * The jobs run when there is no routes/ directory: routes/amazonpay-settlement.yaml and
     * docs/jobs/amazonpay-disbursements.yaml (the payouts make the demo's data reconcilable), packaged, and in demo
     * mode their twins of the demo's second account, docs/jobs/amazonpay-*-eu.yaml.
     */
    private static String defaultJobs(Optional<Path> config) {
        boolean demo = ConfigFiles.read(
                config, (lookup, locator, accountKeys) -> DemoAmazonPay.withSecondAccount(lookup, accountKeys));
        return String.join(
                ",",
                ConfigurationCheck.defaultJobResources(demo).stream()
                        .map(resource -> "classpath:" + resource)
                        .toList());
    }

    /**
     * @param configFile the operator's properties file, or null for config/application.properties
     *                   when present (and the built-in defaults only when not)
     */
    public static PayreportsApplication create(Path configFile) {
        return create(configFile, ConfigFiles.routesDir());
    }

    /**
     * For {@code run --once} and {@code --backfill}: the jobs this process fires must run in this process,
     * so scheduling stays local even when the configuration clusters it.
     */
    public static PayreportsApplication createLocal(Path configFile) {
        return createLocal(configFile, ConfigFiles.routesDir());
    }

    /** As {@link #createLocal(Path)}, with the job files of {@code routesDir} (empty for the demo job). */
    public static PayreportsApplication createLocal(Path configFile, Optional<Path> routesDir) {
        PayreportsApplication application = create(configFile, routesDir);
        application.main.addOverrideProperty("payreports.cluster.enabled", "false");
        return application;
    }

    /** For {@code replay}: sinks and delivery routes, no job scheduled (see {@link #startDelivery()}). */
    public static PayreportsApplication createDeliveryOnly(Path configFile) {
        PayreportsApplication application = createLocal(configFile);
        application.main.addOverrideProperty("camel.main.auto-startup", "false");
        application.beans.onlyDeliver();
        return application;
    }

    /** Starts the runtime with only its own routes (delivery, sinks, dead letters): the jobs stay stopped. */
    public void startDelivery() throws Exception {
        start();
        for (Route route : context().getRoutes()) {
            if (route.getRouteId().startsWith("payreports-")) {
                context().getRouteController().startRoute(route.getRouteId());
            }
        }
    }

    /** @param routesDir the job files; empty for the demo job shipped in the jar */
    public static PayreportsApplication create(Path configFile, Optional<Path> routesDir) {
        Optional<Path> config = ConfigFiles.operatorConfig(configFile);
        Main main = new Main();
        main.setPropertyPlaceholderLocations(ConfigFiles.propertyLocations(config));
        // named one by one: a classpath wildcard makes Camel scan every entry of the shaded jar (seconds at start-up)
        main.configure()
                .withRoutesIncludePattern(String.join(",", BUILT_IN_ROUTES) + ","
                        + routesDir
                                .map(dir -> "file:" + dir.toAbsolutePath() + "/*.yaml")
                                .orElseGet(() -> defaultJobs(config)));
        PayreportsBeans beans = new PayreportsBeans(new ConfigLocator(config), routesDir);
        main.configure().addConfiguration(beans);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                logScheduledJobs(started.getCamelContext());
                if (!invalidJobIds(started.getCamelContext()).isEmpty()) {
                    ((org.apache.camel.main.MainSupport) started).completed(); // runUntilStopped then reports them
                }
            }
        });
        return new PayreportsApplication(main, beans);
    }

    /**
     * The check {@code validate} makes, made by {@code run} too: a job id the routes cannot carry (a quote
     * breaks the route's expressions) stops the start instead of hanging the job's first run.
     */
    private static List<ConfigProblem> invalidJobIds(CamelContext context) {
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                JobIds.problem(quartz.getTriggerKey().getName())
                        .ifPresent(message ->
                                problems.add(new ConfigProblem("route " + route.getRouteId(), 0, "jobId", message)));
            }
        }
        return problems;
    }

    /** One line per job at start-up: operators see what is scheduled and when it fires next. */
    private static void logScheduledJobs(CamelContext context) {
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                try {
                    Trigger trigger = quartz.getComponent().getScheduler().getTrigger(quartz.getTriggerKey());
                    LOG.info(
                            "job {} scheduled, next run at {}",
                            route.getRouteId(),
                            trigger == null
                                    ? "(not scheduled)"
                                    : trigger.getNextFireTime().toInstant());
                } catch (SchedulerException e) {
                    LOG.warn("job {}: cannot read its schedule: {}", route.getRouteId(), e.getMessage());
                }
            }
        }
    }

    public void start() {
        try {
            main.start();
        } catch (RuntimeException e) {
            throw unwrapConfigProblem(e);
        }
        List<ConfigProblem> invalid = invalidJobIds(context());
        if (!invalid.isEmpty()) {
            main.stop();
            throw new ConfigException(invalid);
        }
    }

    /** Runs until SIGTERM/SIGINT, then shuts down gracefully. */
    public void runUntilStopped() throws Exception {
        try {
            main.run();
        } catch (RuntimeException e) {
            throw unwrapConfigProblem(e);
        }
        List<ConfigProblem> invalid = invalidJobIds(context());
        if (!invalid.isEmpty()) {
            throw new ConfigException(invalid);
        }
    }

    private static RuntimeException unwrapConfigProblem(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException config) {
                return config;
            }
        }
        return e;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public JobRuns jobRuns() {
        return beans.jobRuns();
    }

    public String describeMode() {
        return beans.describeMode();
    }

    /**
     * Fires the scheduled jobs named (all when {@code jobIds} is empty) now, through Quartz itself
     * ({@code triggerJob}), so that a run started this way is the same as a scheduled one. Returns how
     * many jobs were fired; an id that is no scheduled job is an {@link IllegalArgumentException}.
     */
    public int triggerJobs(Collection<String> jobIds) throws SchedulerException {
        Map<String, QuartzEndpoint> jobs = new TreeMap<>();
        for (Route route : context().getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                jobs.put(route.getRouteId(), quartz);
            }
        }
        for (String id : jobIds) {
            if (!jobs.containsKey(id)) {
                throw new IllegalArgumentException("no job '" + id + "'"
                        + ConfigKeys.didYouMean(id, jobs.keySet())
                                .map(j -> ", did you mean " + j + "?")
                                .orElse("") + " (jobs: " + String.join(", ", jobs.keySet()) + ")");
            }
        }
        int fired = 0;
        for (Map.Entry<String, QuartzEndpoint> job : jobs.entrySet()) {
            if (jobIds.isEmpty() || jobIds.contains(job.getKey())) {
                TriggerKey trigger = job.getValue().getTriggerKey();
                // camel-quartz names the job after its trigger
                job.getValue()
                        .getComponent()
                        .getScheduler()
                        .triggerJob(JobKey.jobKey(trigger.getName(), trigger.getGroup()));
                fired++;
            }
        }
        return fired;
    }

    /** Fires every scheduled job now; see {@link #triggerJobs}. */
    public int triggerAllJobs() throws SchedulerException {
        return triggerJobs(List.of());
    }

    /**
     * Runs a backfill through the {@code payreports-amazonpay-backfill} route and answers the reports
     * that ended without data (FAILED, CANCELLED); the run itself is in {@link #jobRuns()}.
     */
    public List<String> backfill(String account, String reportType, Instant from, Instant to, String sinks) {
        Map<String, Object> headers = Map.of(
                "payreportsJobId",
                "backfill",
                "payreportsAccount",
                account,
                "payreportsSinks",
                sinks,
                "payreportsReportType",
                reportType,
                "payreportsFrom",
                from.toString(),
                "payreportsTo",
                to.toString());
        Exchange done = context()
                .createProducerTemplate()
                .send(
                        "direct:payreports-amazonpay-backfill",
                        exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers)));
        JobContext job = JobContext.of(done);
        return job == null ? List.of() : job.run().notFetched();
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            beans.close();
        }
    }
}
