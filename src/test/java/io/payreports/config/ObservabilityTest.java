package io.payreports.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What an operator sees of a runtime that has just started, over its HTTP server: every series the alerts of
 * docs/operations.md and the dashboard of docs/grafana-dashboard.json name is in the first scrape, the health
 * checks carry their details, liveness and readiness hold what Kubernetes needs, and the server listens on
 * loopback only. Also the Kubernetes example of docs/kubernetes.yaml, checked for structure.
 */
class ObservabilityTest {

    /** Series names: the prefixes of payreports', the JVM's, the process's, Hikari's and Camel's metrics. */
    private static final Pattern SERIES =
            Pattern.compile("\\b((?:payreports|jvm|process|system|hikaricp|camel)_[a-z0-9_]+)\\b");

    private static final String JOB = "amazonpay-settlement";

    @TempDir
    Path dir;

    private int port;
    private PayreportsApplication application;

    /** A runtime with the job of routes/ and its HTTP server on a free port; the Kubernetes check needs none. */
    private void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "camel.management.enabled = true",
                        "camel.management.port = " + port,
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                        "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state"),
                        ""));
        application = PayreportsApplication.create(config, Optional.of(Path.of("routes")));
        application.start();
    }

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void theFirstScrapeHoldsEverySeriesTheAlertsAndTheDashboardName() throws Exception {
        start();
        String scrape = get("/observe/metrics").body();
        Set<String> scraped = seriesNames(scrape);

        assertThat(scraped).contains("jvm_memory_used_bytes", "process_cpu_usage", "hikaricp_connections_active");
        assertThat(scrape)
                .contains(
                        "payreports_last_success_timestamp_seconds{account=\"default\",job=\"" + JOB + "\"} 0.0",
                        "payreports_job_never_succeeded{account=\"default\",job=\"" + JOB + "\"} 1.0",
                        "payreports_job_runs_total{account=\"default\",job=\"" + JOB + "\",outcome=\"failed\"} 0.0",
                        "payreports_records_delivered_total{account=\"default\",job=\"" + JOB + "\",sink=\"file\"} 0.0",
                        "payreports_records_delivered_total{account=\"default\",job=\"" + JOB + "\",sink=\"jdbc\"} 0.0",
                        "payreports_sink_records_dead_lettered_total{account=\"default\",job=\"" + JOB
                                + "\",sink=\"jdbc\"} 0.0",
                        "payreports_records_dead_lettered_total{account=\"default\",job=\"" + JOB + "\"} 0.0",
                        "payreports_retries_total{account=\"default\",job=\"" + JOB + "\"} 0.0",
                        "payreports_report_delivery_duration_seconds_count{account=\"default\",job=\"" + JOB + "\"} 0",
                        "payreports_api_errors_total{api=\"amazonpay\"} 0.0");

        Set<String> alerted = alertSeries();
        assertThat(alerted)
                .as("the alert rules of docs/operations.md")
                .contains(
                        "payreports_last_success_timestamp_seconds",
                        "payreports_job_never_succeeded",
                        "jvm_memory_used_bytes");
        assertThat(scraped).as("series the alerts name").containsAll(alerted);

        Set<String> dashboard = dashboardSeries();
        assertThat(dashboard).contains("payreports_report_delivery_duration_seconds_bucket", "jvm_memory_used_bytes");
        Set<String> missing = new TreeSet<>(dashboard);
        missing.removeAll(scraped);
        assertThat(missing)
                .as("dashboard series not in the first scrape: only those that appear with the first API call")
                .containsOnly("payreports_api_calls_total");

        // after one run of the demo job, every series the dashboard names is there
        assertThat(application.triggerAllJobs()).isEqualTo(1);
        assertThat(application.jobRuns().awaitFinished(1, Duration.ofSeconds(90)))
                .isTrue();
        String afterRun = get("/observe/metrics").body();
        assertThat(seriesNames(afterRun)).containsAll(dashboard);
        assertThat(afterRun)
                .contains("payreports_job_never_succeeded{account=\"default\",job=\"" + JOB + "\"} 0.0")
                .doesNotContain(
                        "payreports_last_success_timestamp_seconds{account=\"default\",job=\"" + JOB + "\"} 0.0")
                .doesNotContain("payreports_report_delivery_duration_seconds_count{account=\"default\",job=\"" + JOB
                        + "\"} 0\n");
    }

    @Test
    void healthChecksCarryTheirDetailsAndLivenessAndReadinessHoldWhatKubernetesNeeds() throws Exception {
        start();
        JsonNode all = json(get("/observe/health?data=true").body());
        assertThat(all.get("status").asText()).isEqualTo("UP");
        Map<String, JsonNode> checks = checks(all);
        assertThat(checks).containsKeys("state-database", "scheduler", "sink-file", "sink-jdbc", "job-" + JOB);
        assertThat(checks.get("state-database").at("/data/database").asText()).isEqualTo("H2");
        assertThat(checks.get("scheduler").at("/data/clustered").asBoolean()).isFalse();
        assertThat(checks.get("sink-file").at("/data/answer").asText()).contains("writable");
        assertThat(checks.get("sink-jdbc").at("/data/answer").asText()).isEqualTo("H2 answered");
        JsonNode job = checks.get("job-" + JOB).get("data");
        assertThat(job.get("lastSuccess").asText()).isEqualTo("never");
        assertThat(job.get("scheduleIntervalSeconds").asLong()).isEqualTo(3600);
        assertThat(job.get("staleAfterSeconds").asLong()).isEqualTo(7200);
        assertThat(job.get("nextRun").asText()).isNotBlank();

        HttpResponse<String> live = get("/observe/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(checks(json(live.body())).keySet())
                .as("only what a restart cures")
                .contains("context", "scheduler")
                .doesNotContain("state-database", "sink-jdbc", "job-" + JOB);

        HttpResponse<String> ready = get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(checks(json(ready.body())).keySet())
                .contains("context", "scheduler", "state-database", "route:" + JOB)
                .doesNotContain("sink-jdbc", "job-" + JOB);
    }

    @Test
    void theHttpServerListensOnLoopbackOnly() throws Exception {
        start();
        assertThat(application.context().resolvePropertyPlaceholders("{{camel.management.host}}"))
                .isEqualTo("127.0.0.1");
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(network -> !isLoopback(network))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof java.net.Inet4Address)
                .findFirst();
        if (external.isPresent()) {
            try (Socket socket = new Socket()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> socket.connect(new java.net.InetSocketAddress(external.get(), port), 2000))
                        .isInstanceOf(IOException.class);
            }
        }
        assertThat(get("/observe/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theKubernetesExampleRunsTwoReplicasOnAClusteredPostgresStateDatabaseWithProbesAndASecret() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        new Load(LoadSettings.builder().build())
                .loadAllFromString(Files.readString(Path.of("docs/kubernetes.yaml")))
                .forEach(document -> objects.add(map(document)));
        assertThat(objects).allSatisfy(object -> assertThat(object).containsKeys("apiVersion", "kind", "metadata"));
        assertThat(objects.stream().map(object -> object.get("kind")))
                .contains("Deployment", "Secret", "ConfigMap", "Service");

        Map<String, Object> secret = named(objects, "Secret", "payreports-keys");
        Map<String, Object> keys = map(secret.get("stringData"));
        assertThat((String) keys.get("state-jdbc-url")).startsWith("jdbc:postgresql://");

        Map<String, Object> deployment = named(objects, "Deployment", "payreports");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
        Map<String, Object> container = map(list(pod.get("containers")).get(0));

        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/observe/health/live");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/observe/health/ready");
        assertThat(list(container.get("ports")).stream().map(port -> map(port).get("containerPort")))
                .containsExactly(9876);

        Map<String, Map<String, Object>> env = list(container.get("env")).stream()
                .map(ObservabilityTest::map)
                .collect(Collectors.toMap(variable -> (String) variable.get("name"), variable -> variable));
        assertThat(env.get("PAYREPORTS_CLUSTER_ENABLED").get("value")).isEqualTo("true");
        assertThat(at(env.get("PAYREPORTS_STATE_JDBC_URL"), "valueFrom", "secretKeyRef", "name"))
                .isEqualTo("payreports-keys");
        // every variable's secret key exists, and names only keys payreports knows
        env.values().stream()
                .filter(variable -> variable.containsKey("valueFrom"))
                .forEach(variable ->
                        assertThat(keys).containsKey((String) at(variable, "valueFrom", "secretKeyRef", "key")));

        // every mount has its volume, every volume its ConfigMap, Secret or claim
        Set<String> volumes = list(pod.get("volumes")).stream()
                .map(volume -> (String) map(volume).get("name"))
                .collect(Collectors.toSet());
        assertThat(list(container.get("volumeMounts")).stream()
                        .map(mount -> map(mount).get("name")))
                .allSatisfy(name -> assertThat(volumes).contains((String) name));
        for (Object volume : list(pod.get("volumes"))) {
            Map<String, Object> v = map(volume);
            if (v.containsKey("configMap")) {
                named(objects, "ConfigMap", (String) map(v.get("configMap")).get("name"));
            } else if (v.containsKey("secret")) {
                assertThat(map(v.get("secret")).get("secretName")).isEqualTo("payreports-keys");
            } else if (v.containsKey("persistentVolumeClaim")) {
                named(objects, "PersistentVolumeClaim", (String)
                        map(v.get("persistentVolumeClaim")).get("claimName"));
            }
        }
        // the job file in the ConfigMap is one the runtime reads
        Map<String, Object> routes =
                map(named(objects, "ConfigMap", "payreports-routes").get("data"));
        assertThat((String) routes.get("amazonpay-settlement.yaml")).contains("routeTemplateRef: amazonpay-reports");
    }

    /** The series named in the Prometheus rules of docs/operations.md's "Alerts to set". */
    private static Set<String> alertSeries() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        String section = operations.substring(operations.indexOf("### Alerts to set"));
        Matcher rules = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(rules.find()).as("a yaml block of rules").isTrue();
        Map<String, Object> document = map(new Load(LoadSettings.builder().build()).loadFromString(rules.group(1)));
        Set<String> series = new TreeSet<>();
        for (Object group : list(document.get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                String expr = (String) map(rule).get("expr");
                assertThat(expr).isNotBlank();
                series.addAll(seriesNames(expr));
            }
        }
        return series;
    }

    /** The series the dashboard's queries name. */
    private static Set<String> dashboardSeries() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(Path.of("docs/grafana-dashboard.json").toFile());
        Set<String> series = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                series.addAll(seriesNames(target.get("expr").asText()));
            }
        }
        return series;
    }

    private static Set<String> seriesNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher series = SERIES.matcher(text);
        while (series.find()) {
            names.add(series.group(1));
        }
        return names;
    }

    private static Map<String, JsonNode> checks(JsonNode health) {
        Map<String, JsonNode> checks = new java.util.HashMap<>();
        health.get("checks").forEach(check -> checks.put(check.get("name").asText(), check));
        return checks;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) throws IOException {
        return new ObjectMapper().readTree(body);
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback() || !network.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind"))
                        && name.equals(map(object.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in docs/kubernetes.yaml"));
    }

    private static Object at(Map<String, Object> object, String... path) {
        Object value = object;
        for (String key : path) {
            value = map(value).get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
