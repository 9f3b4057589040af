package io.payreports.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.payreports.amazonpay.PemKeys;
import io.payreports.config.PayreportsApplication;
import io.payreports.config.RuntimeClock;
import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportFormats;
import io.payreports.reports.ReportModels;
import io.payreports.simulator.AmazonPaySimulator;
import io.payreports.simulator.SimulatorOptions;
import io.payreports.sinks.servers.KafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark of bench/README.md: for each report size, what a user runs against a baseline doing the same
 * work without a framework, on the same machine in the same run. Product and baseline run interleaved
 * (one of each per repetition, alternating which goes first) so that the load of a shared machine hits both
 * alike; each line records min/median/max rate, median CPU seconds, the load average around the measure, and
 * the ratio of medians. Run with bench/run.sh; CI runs it at a tiny size ({@link BenchSmokeIT}).
 */
public final class Bench {

    private static final String KEY_ID = "LIVE-BENCH";
    private static final KeyPair KEYS = PemKeys.generateRsaKeyPair();
    /** The bench file's two timestamp shapes: {@code -0000} and {@code " -0800"}. */
    private static final DateTimeFormatter AMAZON_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[ ]xx", Locale.ROOT);

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final Path work;
    private final int repetitions;
    /** The measures to run, by name ({@link #MEASURES}); all of them unless told. */
    private final Set<String> selected;

    private final List<String> table = new ArrayList<>();
    /** The table shape psql copies into: this run's own schema, as other runs may share the database. */
    private final String shapeSchema =
            "bench_shape_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private boolean shapeCreated;

    /** Names of the measures, in the order they run, for choosing some of them. */
    static final List<String> MEASURES =
            List.of("parse", "reader", "files", "postgresql", "kafka", "memory", "startup");

    private Bench(Path work, int repetitions, Set<String> selected) {
        if (!MEASURES.containsAll(selected)) {
            throw new IllegalArgumentException("unknown measure in " + selected + "; known: " + MEASURES);
        }
        this.work = work;
        this.repetitions = repetitions;
        this.selected = selected;
    }

    /**
     * {@code Bench [ROWS,ROWS...] [REPETITIONS] [OUT.md] [MEASURE,MEASURE...]}; defaults 200000, 5,
     * target/bench/results.md, every measure.
     */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Stream.of(args.length > 0 ? args[0].split(",") : new String[] {"200000"})
                .map(Integer::valueOf)
                .toList();
        measure(
                sizes,
                args.length > 1 ? Integer.parseInt(args[1]) : 5,
                Path.of(args.length > 2 ? args[2] : "target/bench/results.md"),
                args.length > 3 ? Set.of(args[3].split(",")) : Set.copyOf(MEASURES));
        System.exit(0); // Kafka's and Camel's non-daemon threads
    }

    /** Runs every measure for every size and writes the markdown table to {@code out}; returns its lines. */
    static List<String> measure(List<Integer> sizes, int repetitions, Path out) throws Exception {
        return measure(sizes, repetitions, out, Set.copyOf(MEASURES));
    }

    static List<String> measure(List<Integer> sizes, int repetitions, Path out, Set<String> selected) throws Exception {
        Bench bench =
                new Bench(Files.createDirectories(Path.of("target", "bench")).toAbsolutePath(), repetitions, selected);
        bench.table.add(
                "| rows | measure (baseline) | payreports rate, min / median / max | CPU s | baseline rate, min / median / max | CPU s | ratio | load avg |");
        bench.table.add("|---:|---|---|---:|---|---:|---:|---|");
        try {
            for (int rows : sizes) {
                bench.run(rows);
            }
        } finally {
            sql("DROP SCHEMA IF EXISTS " + bench.shapeSchema + " CASCADE");
        }
        if (selected.contains("startup")) {
            bench.table.add("");
            bench.table.add(bench.startup());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, String.join("\n", bench.table) + "\n");
        System.out.println(String.join("\n", bench.table));
        return bench.table;
    }

    private void run(int rows) throws Exception {
        Path report = report(rows);
        if (selected.contains("parse")) {
            parseCli(report, rows);
        }
        Measure warmReader = () -> inProcess(rows, () -> productParse(report));
        if (selected.contains("reader")) {
            add(
                    rows,
                    "reader in a warm JVM, rows/s (bare FastCSV loop building the same typed values)",
                    interleaved(warmReader, () -> inProcess(rows, () -> bareTypedParse(report))));
        }
        if (selected.contains("files")) {
            // both in this JVM, start-up excluded: the stricter comparison (the parse CLI pays a JVM start per run)
            add(
                    rows,
                    "report → files (JSONL+CSV), job rows/s (payreports' reader in a warm JVM; target ≥ 0.7)",
                    interleaved(() -> pipeline(report, rows, "file", List.of()).sample(), warmReader));
        }
        if (selected.contains("postgresql")) {
            postgresql(report, rows);
        }
        if (selected.contains("kafka")) {
            kafka(report, rows);
        }
        if (selected.contains("memory")) {
            Rss rss = jarRun(report, rows);
            table.add("| " + rows + " | `run --once` jar, -Xmx256m, files + H2: peak RSS | " + rss.peakMb + " MB, "
                    + rss.seconds + " s wall | | | | | " + loadAverage() + " |");
        }
    }

    private void parseCli(Path report, int rows) throws Exception {
        checkSameOutput(report);
        add(
                rows,
                "`parse` CLI, rows/s (bare CSV→JSON loop: FastCSV, typed values, Jackson, same bytes to stdout; both in their own JVM)",
                interleaved(() -> process(rows, parseCommand(report)), () -> process(rows, bareCommand(report))));
    }

    private void postgresql(Path report, int rows) throws Exception {
        csvOfRecords(report, rows);
        // into a table that exists, as every run but an installation's first: the schema and its migration are
        // made by the warm-up, each repetition starts from an empty table (outside the job's duration)
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Measure toPostgres = () -> {
            sql("DO $$ BEGIN IF to_regclass('" + schema + ".amazonpay_settlement') IS NOT NULL THEN TRUNCATE " + schema
                    + ".amazonpay_settlement; END IF; END $$");
            return pipeline(
                            report,
                            rows,
                            "pg",
                            List.of(
                                    "payreports.sinks.pg.type = jdbc",
                                    "payreports.sinks.pg.url = " + POSTGRES + "&currentSchema=" + schema))
                    .sample();
        };
        try {
            add(
                    rows,
                    "report → PostgreSQL, job rows/s (psql \\copy of the same rows as CSV)",
                    interleaved(toPostgres, () -> psqlCopy(report, rows)));
        } finally {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private void kafka(Path report, int rows) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory(work, "kafka"))) {
            add(
                    rows,
                    "report → Kafka, job records/s (plain idempotent producer loop, same JSON values)",
                    interleaved(
                            () -> pipeline(
                                            report,
                                            rows,
                                            "kafka",
                                            List.of(
                                                    "payreports.sinks.kafka.type = kafka",
                                                    "payreports.sinks.kafka.bootstrap-servers = "
                                                            + broker.bootstrapServers()))
                                    .sample(),
                            () -> plainProducer(broker.bootstrapServers(), rows)));
        }
    }

    /** payreports' and the baseline's output are the same bytes, or the comparison would not be fair. */
    private void checkSameOutput(Path report) throws Exception {
        Path product = report.resolveSibling("parse.jsonl");
        Path bare = report.resolveSibling("bare.jsonl");
        runToFile(parseCommand(report), product);
        runToFile(bareCommand(report), bare);
        long mismatch = Files.mismatch(product, bare);
        if (mismatch >= 0) {
            throw new IllegalStateException(
                    "parse and the bare loop differ at byte " + mismatch + ": " + product + ", " + bare);
        }
    }

    private static List<String> parseCommand(Path report) {
        return List.of(
                java(),
                "-jar",
                Path.of("target", "payreports.jar").toAbsolutePath().toString(),
                "parse",
                "--report-type",
                ReportModels.SETTLEMENT,
                report.toString());
    }

    private static List<String> bareCommand(Path report) {
        return List.of(
                java(), "-cp", System.getProperty("java.class.path"), BareCsvToJson.class.getName(), report.toString());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---- baselines and payreports, each returning a rate
    // -------------------------------------------------------------

    /** Tokenizes with FastCSV and builds what a record holds: the Instant, its text, the BigDecimals, the strings. */
    private static void bareTypedParse(Path report) throws IOException {
        long values = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(report, StandardCharsets.UTF_8)) {
            boolean body = false;
            for (CsvRecord record : csv) {
                if (!body) {
                    body = record.getField(0).equals("TransactionPostedDate");
                    continue;
                }
                Object[] typed = new Object[16];
                String posted = record.getField(0).trim();
                typed[0] = OffsetDateTime.parse(posted, AMAZON_TIME).toInstant();
                typed[15] = posted;
                for (int i = 1; i < 10; i++) {
                    typed[i] = record.getField(i).isEmpty() ? null : record.getField(i);
                }
                for (int i = 10; i < 15; i++) {
                    typed[i] = new BigDecimal(record.getField(i).trim().replace(",", ""));
                }
                values += typed.length;
            }
        }
        if (values == 0) {
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
    private Sample psqlCopy(Path report, int rows) throws Exception {
        Path csv = csvOfRecords(report, rows);
        String table =
                "bench_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql("CREATE TABLE " + table + " (LIKE " + shapeSchema + ".amazonpay_settlement)");
        try {
            return process(
                    rows,
                    List.of(
                            "psql",
                            "-h",
                            "127.0.0.1",
                            "-U",
                            "postgres",
                            "-d",
                            "test",
                            "-q",
                            "-c",
                            "\\copy " + table + " FROM '" + csv + "' WITH (FORMAT csv, HEADER true)"));
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
                Files.copy(
                        out.filter(file -> file.toString().endsWith(".csv"))
                                .findFirst()
                                .orElseThrow(),
                        csv);
            }
        }
        if (!shapeCreated) {
            sql("CREATE SCHEMA " + shapeSchema);
            pipeline(
                    report(10),
                    10,
                    "pg",
                    List.of(
                            "payreports.sinks.pg.type = jdbc",
                            "payreports.sinks.pg.url = " + POSTGRES + "&currentSchema=" + shapeSchema));
            shapeCreated = true;
        }
        return csv;
    }

    /** The same JSON values payreports sends, through a plain idempotent producer with acks=all. */
    private Sample plainProducer(String servers, int rows) throws Exception {
        Path jsonl = report(rows).resolveSibling("records.jsonl");
        if (!Files.exists(jsonl)) {
            Pipeline files = pipeline(report(rows), rows, "file", List.of());
            try (Stream<Path> out = Files.list(files.dir().resolve("out/amazonpay_settlement"))) {
                Files.copy(
                        out.filter(file -> file.toString().endsWith(".jsonl"))
                                .findFirst()
                                .orElseThrow(),
                        jsonl);
            }
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String topic = "bench-" + UUID.randomUUID();
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                BufferedReader lines = Files.newBufferedReader(jsonl)) {
            long i = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                producer.send(new ProducerRecord<>(topic, "BENCH|" + i++, line));
            }
            producer.flush();
        }
        return new Sample(rows / ((System.nanoTime() - started) / 1e9), (processCpuNanos() - cpuBefore) / 1e9);
    }

    /** @param cpuSeconds CPU of this JVM while the job ran (the simulator serving the file included) */
    record Pipeline(Path dir, JobRun run, int rows, double cpuSeconds) {
        Sample sample() {
            return new Sample(rows / (run.duration().toNanos() / 1e9), cpuSeconds);
        }
    }

    /** The real runtime: the simulator serves the report, the settlement job delivers it to {@code sinks}. */
    private Pipeline pipeline(Path report, int rows, String sinks, List<String> properties) throws Exception {
        Path dir = Files.createTempDirectory(work, "run");
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path data = Files.createDirectories(dir.resolve("simulator-data"));
        Files.createLink(data.resolve(report.getFileName()), report);
        try (AmazonPaySimulator simulator =
                AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                        .withDataDir(data, false))) {
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
            Files.writeString(
                    routes.resolve("bench.yaml"),
                    String.join(
                            "\n",
                            "- templatedRoute:",
                            "    routeTemplateRef: amazonpay-reports",
                            "    routeId: bench",
                            "    parameters:",
                            "      - name: jobId",
                            "        value: bench",
                            "      - name: cron",
                            "        value: \"0 0 0 1 1 ? 2099\"",
                            "      - name: sinks",
                            "        value: " + sinks,
                            ""));
            try (PayreportsApplication application = PayreportsApplication.create(config, Optional.of(routes))) {
                application.start();
                long cpuBefore = processCpuNanos();
                application.triggerAllJobs();
                if (!application.jobRuns().awaitFinished(1, Duration.ofMinutes(10))) {
                    throw new IllegalStateException("the bench job did not finish");
                }
                JobRun run = application.jobRuns().finished().get(0);
                if (!run.succeeded() || run.records() != rows) {
                    throw new IllegalStateException("bench run to " + sinks + " failed: " + run.summaryLine());
                }
                return new Pipeline(dir, run, rows, (processCpuNanos() - cpuBefore) / 1e9);
            }
        }
    }

    record Rss(long peakMb, long seconds) {}

    /** The packaged jar in its own JVM with -Xmx256m, its resident set polled from /proc. */
    private Rss jarRun(Path report, int rows) throws Exception {
        Path dir = Files.createTempDirectory(work, "jar");
        Path key = dir.resolve("private-key.pem");
        PemKeys.writePrivateKey(KEYS.getPrivate(), key);
        Path data = Files.createDirectories(dir.resolve("simulator-data"));
        Files.createLink(data.resolve(report.getFileName()), report);
        try (AmazonPaySimulator simulator =
                AmazonPaySimulator.start(SimulatorOptions.of(0, KEY_ID, KEYS.getPublic(), RuntimeClock.get())
                        .withDataDir(data, false))) {
            Files.writeString(
                    dir.resolve("application.properties"),
                    String.join(
                            "\n",
                            "payreports.amazonpay.endpoint = " + simulator.baseUrl(),
                            "payreports.amazonpay.public-key-id = " + KEY_ID,
                            "payreports.amazonpay.private-key-file = " + key,
                            "payreports.sinks.file.formats = jsonl",
                            ""));
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-jar",
                            Path.of("target", "payreports.jar").toAbsolutePath().toString(),
                            "run",
                            "--once",
                            "--config",
                            "application.properties")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("run.log").toFile());
            builder.environment()
                    .put(RuntimeClock.ENV, RuntimeClock.get().instant().toString()); // the simulator's calendar
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

    /**
     * JVM start → first call to Amazon (from the DEBUG log of the client), and the whole demo {@code run --once},
     * without and with the class-data-sharing archive the Dockerfile makes (one made here first, the same way).
     */
    private String startup() throws Exception {
        Path archive = work.resolve("payreports.jsa");
        Files.deleteIfExists(archive);
        demoRun(List.of("-XX:ArchiveClassesAtExit=" + archive));
        List<Double> firstCall = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Double> archivedFirstCall = new ArrayList<>();
        List<Double> archivedWall = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            double[] plain = demoRun(List.of());
            double[] archived = demoRun(List.of("-XX:SharedArchiveFile=" + archive));
            firstCall.add(plain[0]);
            wall.add(plain[1]);
            archivedFirstCall.add(archived[0]);
            archivedWall.add(archived[1]);
        }
        return "JVM start → first API call: " + Samples.text(firstCall, "s") + ", with the archive "
                + Samples.text(archivedFirstCall, "s") + "; demo `run --once` wall time: " + Samples.text(wall, "s")
                + ", with the archive " + Samples.text(archivedWall, "s") + " (load average " + loadAverage() + ")";
    }

    /** One demo {@code run --once} of the jar in a fresh directory: seconds to the first API call, and in all. */
    private double[] demoRun(List<String> jvmOptions) throws Exception {
        Path dir = Files.createTempDirectory(work, "demo");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", Path.of("target", "payreports.jar").toAbsolutePath().toString(), "run", "--once"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().put("PAYREPORTS_LOG_LEVEL", "DEBUG");
        Process jar = builder.start();
        Instant started = jar.info().startInstant().orElse(Instant.now());
        jar.waitFor(5, TimeUnit.MINUTES);
        double wall = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        String call = Files.readAllLines(dir.resolve("run.log")).stream()
                .filter(line -> line.contains("AmazonPayClient - getReports"))
                .findFirst()
                .orElseThrow();
        double firstCall = Duration.between(started, Instant.parse(call.substring(0, call.indexOf(' '))))
                        .toMillis()
                / 1000.0;
        return new double[] {firstCall, wall};
    }

    // ---- plumbing
    // ------------------------------------------------------------------------------------------------------

    private Path report(int rows) throws IOException {
        Path dir = Files.createDirectories(work.resolve("report-" + rows));
        Path file = dir.resolve("ABENCH" + rows + ".csv");
        if (!Files.exists(file)) {
            RealShapedReport.write(file, rows);
        }
        return file;
    }

    interface Measure {
        Sample run() throws Exception;
    }

    interface Step {
        void run() throws Exception;
    }

    /** One run: its rate and the CPU seconds it used (NaN where unknown). */
    record Sample(double rate, double cpuSeconds) {}

    /** payreports and its baseline, with the load average before and after. */
    record Pair(Samples product, Samples baseline, String load) {}

    /** A warm-up of each, then the repetitions, one of each per repetition, alternating which runs first. */
    private Pair interleaved(Measure product, Measure baseline) throws Exception {
        String loadBefore = loadAverage();
        product.run();
        baseline.run();
        List<Sample> products = new ArrayList<>();
        List<Sample> baselines = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            if (i % 2 == 0) {
                products.add(product.run());
                baselines.add(baseline.run());
            } else {
                baselines.add(baseline.run());
                products.add(product.run());
            }
        }
        String load = loadBefore + " → " + loadAverage();
        return new Pair(new Samples(products, load), new Samples(baselines, load), load);
    }

    /** A warm-up, then the repetitions. */
    private Samples repeat(Measure measure) throws Exception {
        String loadBefore = loadAverage();
        measure.run();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            samples.add(measure.run());
        }
        return new Samples(samples, loadBefore + " → " + loadAverage());
    }

    private static Sample inProcess(int rows, Step step) throws Exception {
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        step.run();
        return new Sample(rows / ((System.nanoTime() - started) / 1e9), (processCpuNanos() - cpuBefore) / 1e9);
    }

    /** A command in its own process, stdout discarded; wall time from here, user + system CPU from /usr/bin/time. */
    private Sample process(int rows, List<String> command) throws Exception {
        Path times = Files.createTempFile(work, "time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
        timed.addAll(command);
        boolean hasTime = Files.isExecutable(Path.of("/usr/bin/time"));
        long started = System.nanoTime();
        runToFile(hasTime ? timed : command, Path.of("/dev/null"));
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Double.NaN;
        if (hasTime) {
            String[] userAndSystem = Files.readAllLines(times)
                    .get(Files.readAllLines(times).size() - 1)
                    .trim()
                    .split(" ");
            cpu = Double.parseDouble(userAndSystem[0]) + Double.parseDouble(userAndSystem[1]);
        }
        Files.delete(times);
        return new Sample(rows / seconds, cpu);
    }

    private static void runToFile(List<String> command, Path stdout) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg has them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException unavailable) {
            return "?";
        }
    }

    private void add(int rows, String what, Pair pair) {
        String line = String.format(
                "| %,d | %s | %s | %s | %s | %s | %.2f | %s |",
                rows,
                what,
                pair.product().text(""),
                pair.product().cpu(),
                pair.baseline().text(""),
                pair.baseline().cpu(),
                pair.product().median() / pair.baseline().median(),
                pair.load());
        table.add(line);
        System.out.println(line);
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES);
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    record Samples(List<Sample> samples, String load) {
        double median() {
            return median(samples.stream().map(Sample::rate).toList());
        }

        String cpu() {
            return String.format(
                    "%.1f", median(samples.stream().map(Sample::cpuSeconds).toList()));
        }

        String text(String unit) {
            return text(samples.stream().map(Sample::rate).toList(), unit);
        }

        static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        static String text(List<Double> values, String unit) {
            ToDoubleFunction<Double> identity = Double::doubleValue;
            double min = values.stream().mapToDouble(identity).min().orElse(0);
            double max = values.stream().mapToDouble(identity).max().orElse(0);
            return unit.isEmpty()
                    ? String.format("%,.0f / %,.0f / %,.0f", min, median(values), max)
                    : String.format("%.1f / %.1f / %.1f %s", min, median(values), max, unit);
        }
    }
}
