package io.payreports.bench;

import io.payreports.config.RuntimeClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.payreports.amazonpay.PemKeys;
import io.payreports.config.PayreportsApplication;
import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportFormats;
import io.payreports.reports.ReportModels;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SettlementReportGenerator;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.sinks.servers.KafkaBroker;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark of bench/README.md: for each report size, payreports against the raw tool doing the same
 * work on the same machine in the same run, several repetitions, min/median/max and the ratio of medians.
 * Run with bench/run.sh (or BENCH_ROWS=1000 for the smoke size CI uses).
 */
public final class Bench {

    private static final String KEY_ID = "LIVE-BENCH";
    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final Path work;
    private final int repetitions;
    private final List<String> table = new ArrayList<>();

    private Bench(Path work, int repetitions) {
        this.work = work;
        this.repetitions = repetitions;
    }

    /** {@code Bench [ROWS,ROWS...] [REPETITIONS] [OUT.md]}; defaults 100000,1000000, 3, target/bench/results.md. */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Stream.of(args.length > 0 ? args[0].split(",") : new String[] {"100000", "1000000"}).map(Integer::valueOf).toList();
        measure(sizes, args.length > 1 ? Integer.parseInt(args[1]) : 3, Path.of(args.length > 2 ? args[2] : "target/bench/results.md"));
        System.exit(0); // Kafka's and Camel's non-daemon threads
    }

    /** Runs every measure for every size and writes the markdown table to {@code out}; returns its lines. */
    static List<String> measure(List<Integer> sizes, int repetitions, Path out) throws Exception {
        Bench bench = new Bench(Files.createDirectories(Path.of("target", "bench")).toAbsolutePath(), repetitions);
        bench.table.add("| rows | measure | payreports (min / median / max) | baseline (min / median / max) | ratio |");
        bench.table.add("|---:|---|---|---|---:|");
        for (int rows : sizes) {
            bench.run(rows);
        }
        bench.table.add("");
        bench.table.add(bench.startup());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, String.join("\n", bench.table) + "\n");
        System.out.println(String.join("\n", bench.table));
        return bench.table;
    }

    private void run(int rows) throws Exception {
        Path report = report(rows);
        Samples bare = repeat(() -> rows / seconds(() -> bareParse(report)));
        Samples parse = repeat(() -> rows / seconds(() -> productParse(report)));
        add(rows, "parse, rows/s (baseline: bare FastCSV loop)", parse, bare);

        Samples files = repeat(() -> pipeline(report, rows, "file", List.of()).rowsPerSecond());
        add(rows, "report → files (JSONL+CSV), rows/s (baseline: parse)", files, parse);

        Samples copy = repeat(() -> psqlCopy(report, rows));
        Samples postgres = repeat(() -> {
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try {
                return pipeline(report, rows, "pg", List.of("payreports.sinks.pg.type = jdbc",
                        "payreports.sinks.pg.url = " + POSTGRES + "&currentSchema=" + schema)).rowsPerSecond();
            } finally {
                sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }, () -> sql("SELECT 1"));
        add(rows, "report → PostgreSQL, rows/s (baseline: psql \\copy of the same rows)", postgres, copy);

        try (KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory(work, "kafka"))) {
            Samples producer = repeat(() -> plainProducer(broker.bootstrapServers(), rows));
            Samples kafka = repeat(() -> pipeline(report, rows, "kafka", List.of("payreports.sinks.kafka.type = kafka",
                    "payreports.sinks.kafka.bootstrap-servers = " + broker.bootstrapServers())).rowsPerSecond());
            add(rows, "report → Kafka, records/s (baseline: plain producer loop, same JSON)", kafka, producer);
        }
        Rss rss = jarRun(report, rows);
        table.add("| " + rows + " | `run --once` jar, -Xmx256m, files + H2: peak RSS | " + rss.peakMb + " MB, " + rss.seconds + " s wall | | |");
    }

    // ---- baselines and payreports, each returning a rate -------------------------------------------------------------

    private static void bareParse(Path report) throws IOException {
        long fields = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(report, StandardCharsets.UTF_8)) {
            for (CsvRecord record : csv) {
                fields += record.getFieldCount();
            }
        }
        if (fields == 0) {
            throw new IllegalStateException("empty report");
        }
    }

    private static void productParse(Path report) throws IOException {
        DefaultCamelContext camel = new DefaultCamelContext();
        try (InputStream in = Files.newInputStream(report);
             ReportFormats.Rows<?> rows = new ReportFormats(camel).open(ReportModels.SETTLEMENT, in, "BENCH")) {
            while (rows.hasNext()) {
                rows.next();
            }
        } finally {
            camel.stop();
        }
    }

    /** psql \copy of the rows payreports would write, as CSV, into a table of the same shape. */
    private double psqlCopy(Path report, int rows) throws Exception {
        Path csv = csvOfRecords(report, rows);
        String table = "bench_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql("CREATE TABLE " + table + " (LIKE bench_shape.amazonpay_settlement)");
        try {
            long started = System.nanoTime();
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-q", "-c",
                    "\\copy " + table + " FROM '" + csv + "' WITH (FORMAT csv, HEADER true)").inheritIO().start();
            if (psql.waitFor() != 0) {
                throw new IllegalStateException("psql \\copy failed");
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        } finally {
            sql("DROP TABLE " + table);
        }
    }

    /** The file sink's CSV of the report (same columns as the table), made once; also creates the table shape. */
    private Path csvOfRecords(Path report, int rows) throws Exception {
        Path csv = report.resolveSibling("records.csv");
        if (!Files.exists(csv)) {
            Pipeline files = pipeline(report, rows, "file", List.of());
            try (Stream<Path> out = Files.list(files.dir().resolve("out/amazonpay_settlement"))) {
                Files.copy(out.filter(file -> file.toString().endsWith(".csv")).findFirst().orElseThrow(), csv);
            }
            sql("DROP SCHEMA IF EXISTS bench_shape CASCADE");
            sql("CREATE SCHEMA bench_shape");
            pipeline(report(10), 10, "pg", List.of("payreports.sinks.pg.type = jdbc", "payreports.sinks.pg.url = " + POSTGRES + "&currentSchema=bench_shape"));
        }
        return csv;
    }

    /** The same JSON values payreports sends, through a plain idempotent producer with acks=all. */
    private double plainProducer(String servers, int rows) throws Exception {
        Path jsonl = report(rows).resolveSibling("records.jsonl");
        if (!Files.exists(jsonl)) {
            Pipeline files = pipeline(report(rows), rows, "file", List.of());
            try (Stream<Path> out = Files.list(files.dir().resolve("out/amazonpay_settlement"))) {
                Files.copy(out.filter(file -> file.toString().endsWith(".jsonl")).findFirst().orElseThrow(), jsonl);
            }
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String topic = "bench-" + UUID.randomUUID();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
             BufferedReader lines = Files.newBufferedReader(jsonl)) {
            long i = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                producer.send(new ProducerRecord<>(topic, "BENCH|" + i++, line));
            }
            producer.flush();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    record Pipeline(Path dir, JobRun run, int rows) {
        double rowsPerSecond() {
            return rows / (run.duration().toNanos() / 1e9);
        }
    }

    /** The real runtime: the simulator serves the report, the settlement job delivers it to {@code sinks}. */
    private Pipeline pipeline(Path report, int rows, String sinks, List<String> properties) throws Exception {
        Path dir = Files.createTempDirectory(work, "run");
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path data = Files.createDirectories(dir.resolve("simulator-data"));
        Files.createLink(data.resolve(report.getFileName()), report);
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get()).withDataDir(data, false))) {
            List<String> lines = new ArrayList<>(List.of(
                    "payreports.amazonpay.endpoint = " + simulator.baseUrl(),
                    "payreports.amazonpay.public-key-id = " + KEY_ID,
                    "payreports.amazonpay.private-key-file = " + key,
                    "payreports.output-dir = " + dir.resolve("out"),
                    "payreports.data-dir = " + dir.resolve("data"),
                    "payreports.state.jdbc-url = jdbc:h2:file:" + dir.resolve("data/state"),
                    "payreports.sinks.jdbc.url = jdbc:h2:file:" + dir.resolve("data/state")));
            lines.addAll(properties);
            Path config = dir.resolve("application.properties");
            Files.writeString(config, String.join("\n", lines) + "\n");
            Path routes = Files.createDirectories(dir.resolve("routes"));
            Files.writeString(routes.resolve("bench.yaml"), String.join("\n", "- templatedRoute:", "    routeTemplateRef: amazonpay-reports",
                    "    routeId: bench", "    parameters:", "      - name: jobId", "        value: bench", "      - name: cron",
                    "        value: \"0 0 0 1 1 ? 2099\"", "      - name: sinks", "        value: " + sinks, ""));
            try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
                application.start();
                application.triggerAllJobs();
                if (!application.jobRuns().awaitFinished(1, Duration.ofMinutes(10))) {
                    throw new IllegalStateException("the bench job did not finish");
                }
                JobRun run = application.jobRuns().finished().get(0);
                if (!run.succeeded() || run.records() != rows) {
                    throw new IllegalStateException("bench run to " + sinks + " failed: " + run.summaryLine());
                }
                return new Pipeline(dir, run, rows);
            }
        }
    }

    record Rss(long peakMb, long seconds) {
    }

    /** The packaged jar in its own JVM with -Xmx256m, its resident set polled from /proc. */
    private Rss jarRun(Path report, int rows) throws Exception {
        Path dir = Files.createTempDirectory(work, "jar");
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path data = Files.createDirectories(dir.resolve("simulator-data"));
        Files.createLink(data.resolve(report.getFileName()), report);
        try (AmazonPaySimulator simulator = AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get()).withDataDir(data, false))) {
            Files.writeString(dir.resolve("application.properties"), String.join("\n",
                    "payreports.amazonpay.endpoint = " + simulator.baseUrl(), "payreports.amazonpay.public-key-id = " + KEY_ID,
                    "payreports.amazonpay.private-key-file = " + key, "payreports.sinks.file.formats = jsonl", ""));
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    Path.of("target", "payreports.jar").toAbsolutePath().toString(), "run", "--once", "--config", "application.properties")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
            builder.environment().put(RuntimeClock.ENV, RuntimeClock.get().instant().toString()); // the simulator's calendar
            Process jar = builder.start();
            long peakKb = 0;
            while (jar.isAlive()) {
                peakKb = Math.max(peakKb, rssKb(jar.pid()));
                jar.waitFor(100, TimeUnit.MILLISECONDS);
            }
            if (jar.exitValue() != 0) {
                throw new IllegalStateException("jar run failed, see " + dir.resolve("run.log"));
            }
            return new Rss(peakKb / 1024, Math.round((System.nanoTime() - started) / 1e9));
        }
    }

    /** JVM start → first call to Amazon (from the DEBUG log of the client), and the whole demo {@code run --once}. */
    private String startup() throws Exception {
        List<Double> firstCall = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            Path dir = Files.createTempDirectory(work, "demo");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    Path.of("target", "payreports.jar").toAbsolutePath().toString(), "run", "--once")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
            builder.environment().put("PAYREPORTS_LOG_LEVEL", "DEBUG");
            Process jar = builder.start();
            Instant started = jar.info().startInstant().orElse(Instant.now());
            jar.waitFor(5, TimeUnit.MINUTES);
            wall.add(Duration.between(started, Instant.now()).toMillis() / 1000.0);
            String call = Files.readAllLines(dir.resolve("run.log")).stream().filter(line -> line.contains("AmazonPayClient - getReports"))
                    .findFirst().orElseThrow();
            firstCall.add(Duration.between(started, Instant.parse(call.substring(0, call.indexOf(' ')))).toMillis() / 1000.0);
        }
        return "JVM start → first API call: " + new Samples(firstCall).text("s") + "; demo `run --once` wall time: " + new Samples(wall).text("s");
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------------

    private Path report(int rows) throws IOException {
        Path dir = Files.createDirectories(work.resolve("report-" + rows));
        Path file = dir.resolve("ABENCH" + rows + ".csv");
        if (!Files.exists(file)) {
            Settlement template = SettlementReportGenerator.plan(3, RuntimeClock.get().instant(), 90).get(0);
            Settlement settlement = new Settlement("ABENCH" + rows, template.reportDocumentId(), template.settlementId(), template.sellerId(),
                    template.currency(), template.start(), template.end(), template.seed(), rows);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SettlementReportGenerator.write(settlement, out);
            }
        }
        return file;
    }

    interface Measure {
        double rate() throws Exception;
    }

    interface Step {
        void run() throws Exception;
    }

    private Samples repeat(Measure measure) throws Exception {
        return repeat(measure, () -> { });
    }

    /** A warm-up, then the repetitions. */
    private Samples repeat(Measure measure, Step before) throws Exception {
        before.run();
        measure.rate();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            rates.add(measure.rate());
        }
        return new Samples(rates);
    }

    private static double seconds(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private void add(int rows, String what, Samples product, Samples baseline) {
        String line = String.format("| %,d | %s | %s | %s | %.0f%% |", rows, what, product.text(""), baseline.text(""), 100 * product.median() / baseline.median());
        table.add(line);
        System.out.println(line);
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    record Samples(List<Double> values) {
        double median() {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        String text(String unit) {
            ToDoubleFunction<Double> identity = Double::doubleValue;
            double min = values.stream().mapToDouble(identity).min().orElse(0);
            double max = values.stream().mapToDouble(identity).max().orElse(0);
            return unit.isEmpty() ? String.format("%,.0f / %,.0f / %,.0f", min, median(), max)
                    : String.format("%.1f / %.1f / %.1f %s", min, median(), max, unit);
        }
    }
}
