package io.payreports.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.reports.ParsedRow;
import io.payreports.reports.ReadOptions;
import io.payreports.reports.ReportModels;
import io.payreports.reports.ReportReader;
import io.payreports.reports.SettlementRecord;
import io.payreports.simulator.SettlementReportGenerator.Settlement;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettlementReportGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Set<String> ALL_TYPES = Set.of(
            "Authorization",
            "Capture",
            "Refund",
            "Debt",
            "A-to-z Guarantee Claim",
            "Chargeback",
            "Dispute",
            "Adjustments",
            "Reserve",
            "Carryover",
            "Transfer");

    private static CamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void planIsTheSameForTheSameSeedAndDay() {
        List<Settlement> morning = SettlementReportGenerator.plan(42, NOW, 90);

        assertThat(SettlementReportGenerator.plan(42, Instant.parse("2025-06-15T23:59:59Z"), 90))
                .isEqualTo(morning);
        assertThat(SettlementReportGenerator.plan(43, NOW, 90)).isNotEqualTo(morning);
        Instant stillInWindowTomorrow = Instant.parse("2025-03-18T00:00:00Z"); // tomorrow's day minus 90 days
        assertThat(SettlementReportGenerator.plan(42, NOW.plus(Duration.ofDays(1)), 90))
                .as("a settlement keeps its identity from one day to the next")
                .containsAll(morning.stream()
                        .filter(s -> !s.end().isBefore(stillInWindowTomorrow))
                        .toList());
    }

    @Test
    void ninetyDaysHoldTwelveToFifteenPastSettlementsInThreeCurrencies() {
        for (long seed = 0; seed < 20; seed++) {
            for (int day = 0; day < 40; day++) {
                Instant now = NOW.plus(Duration.ofDays(day));
                List<Settlement> plan = SettlementReportGenerator.plan(seed, now, 90);

                assertThat(plan).hasSizeBetween(12, 15);
                Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
                assertThat(plan)
                        .allSatisfy(s ->
                                assertThat(s.end()).isBefore(today).isAfterOrEqualTo(today.minus(Duration.ofDays(90))));
            }
        }
        assertThat(SettlementReportGenerator.plan(7, NOW, 90))
                .extracting(Settlement::currency)
                .containsOnly("USD", "EUR", "GBP");
    }

    @Test
    void settlementsLookLikeAmazonsAndFollowEachOtherPerAccount() {
        List<Settlement> plan = SettlementReportGenerator.plan(42, NOW, 90);

        assertThat(plan).allSatisfy(s -> {
            assertThat(s.reportId()).matches("[0-9A-Z]{21}");
            assertThat(s.reportDocumentId())
                    .matches("amzn1\\.tortuga\\.3\\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.T3[0-9A-Z]{12}");
            assertThat(s.settlementId()).matches("[1-9][0-9]{10}");
            assertThat(s.sellerId()).matches("A[0-9A-Z]{15}");
            assertThat(s.rows()).isBetween(30, 150);
            assertThat(Duration.between(s.start(), s.end()))
                    .as("the Amazon Pay settlement report guide: at most 30 days")
                    .isLessThanOrEqualTo(Duration.ofDays(30).plusHours(1));
        });
        assertThat(plan).extracting(Settlement::reportId).doesNotHaveDuplicates();
        Map<String, List<Settlement>> byCurrency = plan.stream().collect(Collectors.groupingBy(Settlement::currency));
        byCurrency.values().forEach(account -> {
            assertThat(account)
                    .extracting(Settlement::sellerId)
                    .containsOnly(account.get(0).sellerId());
            for (int i = 1; i < account.size(); i++) {
                assertThat(account.get(i).start()).isEqualTo(account.get(i - 1).end());
            }
        });
        assertThat(plan).extracting(Settlement::end).isSorted();
    }

    @Test
    void writeIsDeterministic() throws IOException {
        Settlement settlement = SettlementReportGenerator.plan(42, NOW, 90).get(3);

        assertThat(text(settlement)).isEqualTo(text(settlement));
    }

    @Test
    void everyGeneratedRowBindsAndTheNumbersAddUp() throws IOException {
        Map<String, BigDecimal> netPerCurrency = new HashMap<>();
        Map<String, BigDecimal> disbursedPerCurrency = new HashMap<>();
        Set<String> types = new HashSet<>();
        for (Settlement settlement : SettlementReportGenerator.plan(42, NOW, 90)) {
            List<SettlementRecord> records = new ArrayList<>();
            try (ReportReader<SettlementRecord> reader = reader(text(settlement), settlement)) {
                assertThat(reader.header().get("SellerId")).isEqualTo(settlement.sellerId());
                assertThat(reader.header().get("SettlementStartDate")).isEqualTo(settlement.start());
                assertThat(reader.header().get("SettlementEndDate")).isEqualTo(settlement.end());
                reader.forEachRemaining(row -> {
                    assertThat(row).as(row.toString()).isInstanceOf(ParsedRow.Bound.class);
                    records.add(((ParsedRow.Bound<SettlementRecord>) row).record());
                });
            }

            assertThat(records).hasSize(settlement.rows());
            assertThat(records).extracting(SettlementRecord::getSettlementId).containsOnly(settlement.settlementId());
            assertThat(records).extracting(SettlementRecord::getCurrencyCode).containsOnly(settlement.currency());
            assertThat(records)
                    .extracting(SettlementRecord::getTransactionPostedDate)
                    .isSorted()
                    .allSatisfy(posted -> assertThat(posted).isBetween(settlement.start(), settlement.end()));
            assertThat(records).allSatisfy(SettlementReportGeneratorTest::feesAndNetAreConsistent);
            assertThat(records.get(records.size() - 1).getTransactionType()).isEqualTo("Transfer");
            assertThat(records.stream()
                            .map(SettlementRecord::getNetTransactionAmount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("the transfer pays out the whole balance")
                    .isZero();
            records.forEach(r -> types.add(r.getTransactionType()));

            for (SettlementRecord r : records) {
                if (!r.getTransactionType().equals("Transfer")) {
                    netPerCurrency.merge(r.getCurrencyCode(), r.getNetTransactionAmount(), BigDecimal::add);
                }
            }
            disbursedPerCurrency.merge(
                    settlement.currency(), SettlementReportGenerator.disbursement(settlement), BigDecimal::add);
        }

        assertThat(netPerCurrency).isEqualTo(disbursedPerCurrency);
        assertThat(types).isEqualTo(ALL_TYPES);
    }

    @Test
    void filesShowAmazonsQuirks() throws IOException {
        String file = text(SettlementReportGenerator.plan(42, NOW, 90).get(0));

        assertThat(file).startsWith("\"SellerId\",\"SettlementStartDate\",\"SettlementEndDate\"\r\n");
        assertThat(file).contains("\r\n\r\n\"TransactionPostedDate\",");
        assertThat(file).containsPattern("\"-?\\d{1,3}(,\\d{3})+\\.\\d{2}\"");
        assertThat(file).containsPattern("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}-0000\"");
        assertThat(file).containsPattern("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0100\"");
        assertThat(file).contains("\"\",\"\",\"Transfer\",\"\",\"\",\"\"");
    }

    @Test
    void aLargeReportStreamsThroughTheReader(@TempDir Path dir) throws IOException {
        Settlement template = SettlementReportGenerator.plan(42, NOW, 90).get(0);
        Settlement large = template.resized(template.reportId(), 200_000);
        Path file = dir.resolve("large.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SettlementReportGenerator.write(large, out);
        }

        long bound = 0;
        BigDecimal net = BigDecimal.ZERO;
        try (InputStream in = Files.newInputStream(file);
                ReportReader<SettlementRecord> reader = new ReportReader<>(
                        ReportModels.settlement(), in, large.reportId(), 0, ReadOptions.DEFAULTS, camel)) {
            while (reader.hasNext()) {
                ParsedRow<SettlementRecord> row = reader.next();
                assertThat(row).isInstanceOf(ParsedRow.Bound.class);
                net = net.add(((ParsedRow.Bound<SettlementRecord>) row).record().getNetTransactionAmount());
                bound++;
            }
        }

        assertThat(bound).isEqualTo(200_000);
        assertThat(net).isZero();
    }

    private static void feesAndNetAreConsistent(SettlementRecord r) {
        assertThat(r.getTotalTransactionFee())
                .isEqualTo(r.getTransactionPercentageFee().add(r.getTransactionFixedFee()));
        assertThat(r.getNetTransactionAmount())
                .isEqualTo(r.getTransactionAmount().add(r.getTotalTransactionFee()));
        assertThat(r.getTransactionAmount().scale()).isEqualTo(2);
        switch (r.getTransactionType()) {
            case "Capture" -> {
                assertThat(r.getTransactionAmount()).isPositive();
                assertThat(r.getTransactionPercentageFee()).isNegative();
                assertThat(r.getTransactionFixedFee()).isNegative();
                assertThat(r.getAmazonTransactionId()).isNotNull();
                assertThat(r.getAmazonOrderReferenceId()).isNotNull();
            }
            case "Refund" -> {
                assertThat(r.getTransactionAmount()).isNegative();
                assertThat(r.getTransactionPercentageFee()).isPositive();
                assertThat(r.getTransactionFixedFee()).isZero();
            }
            case "Transfer", "Reserve", "Carryover", "Adjustments", "Debt" -> {
                assertThat(r.getAmazonTransactionId()).isNull();
                assertThat(r.getAmazonOrderReferenceId()).isNull();
                assertThat(r.getTotalTransactionFee()).isZero();
            }
            default -> assertThat(r.getAmazonOrderReferenceId()).isNotNull();
        }
    }

    private static String text(Settlement settlement) throws IOException {
        StringWriter out = new StringWriter();
        try (BufferedWriter buffered = new BufferedWriter(out)) {
            SettlementReportGenerator.write(settlement, buffered);
        }
        return out.toString();
    }

    private static ReportReader<SettlementRecord> reader(String text, Settlement settlement) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new ReportReader<>(ReportModels.settlement(), in, settlement.reportId(), 0, ReadOptions.DEFAULTS, camel);
    }
}
