package io.payreports.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.payreports.amazonpay.PemKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Completed settlement reports served by a {@link HostileServer} the way Amazon Pay's reports API
 * answers them (getReports, getReportDocument, the document download), and a payreports
 * configuration pointing a job at it. Tests replace single answers to make the peer hostile.
 */
public final class FakeAmazonPayReports {

    public static final String JOB = "hostile-settlement";
    public static final String API = "/live/v2";
    public static final Instant FIRST_CREATED = Instant.parse("2026-11-08T01:00:00Z");
    private static final DateTimeFormatter BASIC_ISO =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeAmazonPayReports() {}

    /** A completed settlement report created {@code hours} after {@link #FIRST_CREATED}. */
    public record FakeReport(String reportId, int hours) {

        public Instant createdTime() {
            return FIRST_CREATED.plusSeconds(3600L * hours);
        }

        /** The Report object as the Amazon Pay reports API reference shows it, times in Amazon's basic ISO form. */
        String json() {
            String created = BASIC_ISO.format(createdTime());
            String start = BASIC_ISO.format(createdTime().minusSeconds(7 * 86400));
            return "{\"reportId\":" + quoted(reportId)
                    + ",\"reportType\":\"_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_\","
                    + "\"startTime\":\"" + start + "\",\"endTime\":\"" + created + "\",\"createdTime\":\"" + created
                    + "\","
                    + "\"processingStatus\":\"COMPLETED\",\"processingStartTime\":\"" + created
                    + "\",\"processingEndTime\":\"" + created
                    + "\",\"reportDocumentId\":" + quoted("DOC-" + reportId) + "}";
        }
    }

    /** One getReports page of the reports, with {@code nextToken} when not null. */
    public static String reportsPage(List<FakeReport> reports, String nextToken) {
        return "{\"reports\":[" + reports.stream().map(FakeReport::json).collect(Collectors.joining(",")) + "]"
                + (nextToken == null ? "" : ",\"nextToken\":" + quoted(nextToken)) + "}";
    }

    /** Serves the reports (one page), their documents and a two-row settlement file for each. */
    public static HostileServer serve(HostileServer server, List<FakeReport> reports) {
        return server.on(API + "/reports", HostileServer.json(200, reportsPage(reports, null)))
                .on(API + "/report-documents/", exchange -> {
                    String id = exchange.getRequestURI().getPath().substring((API + "/report-documents/").length());
                    HostileServer.send(
                            exchange,
                            200,
                            "application/json",
                            "{\"reportDocumentId\":" + quoted(id) + ",\"url\":"
                                    + quoted(server.baseUrl() + "/documents/" + id) + "}");
                })
                .on("/documents/", HostileServer.text(200, settlementFile()));
    }

    static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String settlementFile() {
        return String.join(
                "\r\n",
                "\"SellerId\",\"SettlementStartDate\",\"SettlementEndDate\"",
                "\"A1SELLER\",\"2026-11-01T00:00:00-0000\",\"2026-11-08T00:00:00-0000\"",
                "",
                "\"TransactionPostedDate\",\"SettlementId\",\"AmazonTransactionId\",\"SellerReferenceId\",\"TransactionType\",\"AmazonOrderReferenceId\",\"SellerOrderId\",\"StoreName\",\"CurrencyCode\",\"TransactionDescription\",\"TransactionAmount\",\"TransactionPercentageFee\",\"TransactionFixedFee\",\"TotalTransactionFee\",\"NetTransactionAmount\"",
                "\"2026-11-02T10:00:00-0000\",\"5044561311\",\"P01-1-C1\",\"\",\"Capture\",\"P01-1\",\"O-1\",\"Shop\",\"USD\",\"\",\"1,000.00\",\"-29.00\",\"-0.30\",\"-29.30\",\"970.70\"",
                "\"2026-11-04T10:00:00-0000\",\"5044561311\",\"\",\"\",\"Transfer\",\"\",\"\",\"\",\"USD\",\"Transfer to bank\",\"-970.70\",\"0\",\"0\",\"0\",\"-970.70\"",
                "");
    }

    /**
     * A configuration and a job file under {@code dir}: the job {@link #JOB} fetches settlement reports
     * from the server into the file sink; {@code extra} lines are appended to the properties.
     */
    public static Path configure(Path dir, HostileServer server, String stateJdbcUrl, String... extra)
            throws IOException {
        Path key = dir.resolve("private-key.pem");
        if (!Files.exists(key)) {
            PemKeys.writePrivateKey(PemKeys.generateRsaKeyPair().getPrivate(), key);
        }
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(
                routes.resolve(JOB + ".yaml"),
                String.join(
                        "\n",
                        "- templatedRoute:",
                        "    routeTemplateRef: amazonpay-reports",
                        "    routeId: " + JOB,
                        "    parameters:",
                        "      - name: jobId",
                        "        value: " + JOB,
                        "      - name: cron",
                        "        value: \"0 0 0 1 1 ? 2099\"",
                        "      - name: sinks",
                        "        value: file",
                        ""));
        Path config = dir.resolve("application.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "payreports.amazonpay.endpoint = " + server.baseUrl(),
                        "payreports.amazonpay.public-key-id = HOSTILE",
                        "payreports.amazonpay.private-key-file = " + key,
                        "payreports.output-dir = " + dir.resolve("out"),
                        "payreports.data-dir = " + dir.resolve("data"),
                        "payreports.state.jdbc-url = " + stateJdbcUrl,
                        "payreports.retry.redelivery-delay = 10",
                        "payreports.retry.maximum-redeliveries = 0",
                        String.join("\n", extra),
                        ""));
        return config;
    }
}
