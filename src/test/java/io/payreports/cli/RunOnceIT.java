package io.payreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, through the real jar in an empty directory: {@code run --once} with no
 * configuration delivers the settlement reports of the demo's two accounts (default, NA, and eu, EU),
 * each from its own simulator, to files and the embedded database, and a second run delivers nothing new.
 */
class RunOnceIT {

    @TempDir
    Path workDir;

    @Test
    void demoRunDeliversReportsOnceToFilesAndDatabase() throws Exception {
        PayreportsJar.Result first = runJar("run", "--once");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("payreports run summary (demo mode")
                .contains("file      -> ./out", "jdbc      -> jdbc:h2:file:./data/payreports")
                .contains("; account eu: demo mode: built-in Amazon Pay simulator at http://127.0.0.1:");
        assertThat(reportsColumn(first.output(), "amazonpay-settlement"))
                .as(first.output())
                .isGreaterThanOrEqualTo(3);
        assertThat(reportsColumn(first.output(), "eu/amazonpay-settlement-eu"))
                .as(first.output())
                .isGreaterThanOrEqualTo(3);

        // both accounts' records in one table, told apart by account (the eu account's files under out/eu/)
        Map<String, BigDecimal> fileSums = normalize(netSumsFromJsonLines(workDir.resolve("out/amazonpay_settlement")));
        fileSums.putAll(normalize(netSumsFromJsonLines(workDir.resolve("out/eu/amazonpay_settlement"))));
        Map<String, BigDecimal> dbSums = netSumsFromDatabase();
        assertThat(fileSums).containsKeys("default USD", "eu EUR").hasSizeGreaterThan(2);
        assertThat(dbSums).isEqualTo(fileSums);
        assertThat(countJsonLines(workDir.resolve("out/amazonpay_settlement"))
                        + countJsonLines(workDir.resolve("out/eu/amazonpay_settlement")))
                .isEqualTo(countDatabaseRows());

        PayreportsJar.Result second = runJar("run", "--once");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(reportsColumn(second.output(), "amazonpay-settlement"))
                .as(second.output())
                .isZero();
        assertThat(reportsColumn(second.output(), "eu/amazonpay-settlement-eu"))
                .as(second.output())
                .isZero();
        assertThat(netSumsFromDatabase()).isEqualTo(fileSums);
    }

    private long reportsColumn(String output, String job) {
        return output.lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns[0].equals(job))
                .map(columns -> columns[1])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(-1);
    }

    private Map<String, BigDecimal> netSumsFromJsonLines(Path dir) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        JsonNode record = mapper.readTree(line);
                        sums.merge(
                                record.get("account").asText() + " "
                                        + record.get("currencyCode").asText(),
                                new BigDecimal(
                                        record.get("netTransactionAmount").asText()),
                                BigDecimal::add);
                    }
                }
            }
        }
        return sums;
    }

    private long countJsonLines(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long count = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    count += lines.count();
                }
            }
            return count;
        }
    }

    private Map<String, BigDecimal> netSumsFromDatabase() throws Exception {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/payreports"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT account, currency_code, SUM(net_transaction_amount) FROM amazonpay_settlement"
                                + " GROUP BY account, currency_code")) {
            while (rows.next()) {
                sums.put(rows.getString(1) + " " + rows.getString(2), rows.getBigDecimal(3));
            }
        }
        return normalize(sums);
    }

    private long countDatabaseRows() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/payreports"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM amazonpay_settlement")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, BigDecimal> normalize(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> normalized = new TreeMap<>();
        sums.forEach((accountAndCurrency, sum) -> normalized.put(accountAndCurrency, sum.stripTrailingZeros()));
        return normalized;
    }

    private PayreportsJar.Result runJar(String... args) throws Exception {
        return PayreportsJar.run(workDir, List.of(), args);
    }
}
