package io.payreports.simulator;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.payreports.reports.AmazonAmountFormat;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Deterministic, realistic settlement report files in the shape Amazon Pay serves them (Amazon Pay settlement report guide): a header
 * block, a blank line, the column line, then one row per transaction, every field quoted. Everything derives
 * from the seed, so the same seed gives the same reports byte for byte, and a settlement keeps its ids and
 * content from one day to the next.
 */
public final class SettlementReportGenerator {

    /**
     * One ledger per currency, each with its own settlement cycle: the Amazon Pay settlement report guide lists USD,
     * EUR and GBP; Amazon Pay Japan settles in JPY, which has no minor unit, so its amounts are whole yen.
     */
    private static final List<Account> ACCOUNTS = List.of(
            new Account("USD", 14, 0, ZoneOffset.ofHours(-7), new BigDecimal("2.9"), 30, 2),
            new Account("EUR", 21, 5, ZoneOffset.ofHours(1), new BigDecimal("3.4"), 35, 2),
            new Account("GBP", 30, 11, ZoneOffset.UTC, new BigDecimal("3.4"), 20, 2),
            new Account("JPY", 15, 3, ZoneOffset.ofHours(9), new BigDecimal("3.9"), 0, 0));
    /** The currencies of the simulator's one merchant when no accounts are named. */
    public static final List<String> DEFAULT_CURRENCIES = List.of("USD", "EUR", "GBP");

    private static final int MIN_ROWS = 30;
    private static final int MAX_ROWS = 150;
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private SettlementReportGenerator() {}

    /**
     * Whose settlements to plan: a merchant's data seed, the seed its report ids are drawn from (another merchant's
     * data seed to serve settlements under that merchant's report ids) and its ledgers' currencies.
     */
    public record Books(long seed, long reportIdSeed, List<String> currencies) {

        public Books {
            currencies = List.copyOf(currencies);
        }

        /** The simulator's merchant when no accounts are named: the three ledgers of the settlement report guide. */
        public static Books of(long seed) {
            return new Books(seed, seed, DEFAULT_CURRENCIES);
        }
    }

    /** One settlement period the simulator serves as a report. */
    public record Settlement(
            String reportId,
            String reportDocumentId,
            String settlementId,
            String sellerId,
            String currency,
            Instant start,
            Instant end,
            long seed,
            int rows) {

        /** The same settlement under another report id with another number of rows: large reports for tests and demos. */
        public Settlement resized(String newReportId, int newRows) {
            return new Settlement(
                    newReportId, reportDocumentId, settlementId, sellerId, currency, start, end, seed, newRows);
        }
    }

    /**
     * The settlements of the {@code days} days before {@code now}, the same for the same seed and now's day.
     * Settlements that end on now's UTC day are left out, so nothing in the plan lies in the future. With the
     * 14/21/30-day cycles of the three accounts, 90 days hold 12 to 15 settlements. Sorted by end time.
     */
    public static List<Settlement> plan(long seed, Instant now, int days) {
        return plan(Books.of(seed), now, days);
    }

    /** As {@link #plan(long, Instant, int)}, for these books. */
    public static List<Settlement> plan(Books books, Instant now, int days) {
        long today = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
        long firstDay = today - days;
        List<Settlement> plan = new ArrayList<>();
        for (Account account : accounts(books)) {
            for (long period = Math.floorDiv(firstDay - account.offsetDays, account.cycleDays); ; period++) {
                long endDay = account.endDay(period);
                if (endDay >= today) {
                    break;
                }
                if (endDay >= firstDay) {
                    plan.add(settlement(books, account, period));
                }
            }
        }
        plan.sort((a, b) -> a.end().compareTo(b.end()));
        return List.copyOf(plan);
    }

    /**
     * The settlements that end on this UTC day, at most one per account: the ones {@link #plan} holds for that day,
     * for the payouts Amazon makes that day (the SP-API simulator's Transfer transactions).
     */
    public static List<Settlement> endingOn(Books books, LocalDate day) {
        List<Settlement> ending = new ArrayList<>();
        for (Account account : accounts(books)) {
            long sinceOffset = day.toEpochDay() - account.offsetDays;
            if (Math.floorMod(sinceOffset, account.cycleDays) == 0) {
                ending.add(settlement(books, account, Math.floorDiv(sinceOffset, account.cycleDays)));
            }
        }
        return ending;
    }

    /** Writes the report file of one settlement in Amazon's flat-file format (Amazon Pay settlement report guide). */
    public static void write(Settlement settlement, Writer out) throws IOException {
        write(settlement, Set.of(), out);
    }

    /**
     * As {@link #write(Settlement, Writer)}, with rows the Transfer does not include after it, one per break (the
     * breaks that change the settlement report; a missing disbursement does not).
     */
    public static void write(Settlement settlement, Set<SettlementBreak> breaks, Writer out) throws IOException {
        Account account = account(settlement.currency());
        CsvWriter csv =
                CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).build(out);
        csv.writeRecord("SellerId", "SettlementStartDate", "SettlementEndDate");
        csv.writeRecord(
                settlement.sellerId(),
                amazonTime(settlement.start(), account.localOffset),
                amazonTime(settlement.end(), account.localOffset));
        csv.flush();
        out.write("\r\n"); // Amazon separates the header block from the body with an empty line
        csv.writeRecord(
                "TransactionPostedDate",
                "SettlementId",
                "AmazonTransactionId",
                "SellerReferenceId",
                "TransactionType",
                "AmazonOrderReferenceId",
                "SellerOrderId",
                "StoreName",
                "CurrencyCode",
                "TransactionDescription",
                "TransactionAmount",
                "TransactionPercentageFee",
                "TransactionFixedFee",
                "TotalTransactionFee",
                "NetTransactionAmount");
        Row lastCapture = null;
        Row transfer = null;
        for (Ledger ledger = new Ledger(settlement, account); ledger.hasNext(); ) {
            Row row = ledger.next();
            lastCapture = row.type == Type.CAPTURE ? row : lastCapture;
            transfer = row;
            writeRow(csv, settlement, account, row);
        }
        int late = 0;
        for (SettlementBreak settlementBreak : new TreeSet<>(breaks)) {
            Instant posted = transfer.posted.plusSeconds(60L * ++late);
            Row row = switch (settlementBreak) {
                case MISSING_DISBURSEMENT -> null;
                case FEE_ADJUSTED_LATER ->
                    new Row(
                            posted,
                            ZoneOffset.UTC,
                            Type.ADJUSTMENTS,
                            lastCapture.amazonTransactionId + "-F",
                            null,
                            lastCapture.orderReferenceId,
                            lastCapture.sellerOrderId,
                            lastCapture.storeName,
                            "Fee adjustment",
                            0,
                            0,
                            -account.fixedFeeCents);
                case REFUND_NEXT_PERIOD ->
                    new Row(
                            posted,
                            ZoneOffset.UTC,
                            Type.REFUND,
                            lastCapture.orderReferenceId + "-R000001",
                            null,
                            lastCapture.orderReferenceId,
                            lastCapture.sellerOrderId,
                            lastCapture.storeName,
                            "Refund for returned item",
                            -lastCapture.amountCents,
                            account.percentageFeeCents(lastCapture.amountCents),
                            0);
                case HELD_RESERVE ->
                    new Row(
                            posted,
                            ZoneOffset.UTC,
                            Type.RESERVE,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "Reserve for future refunds, A-to-z claims and chargebacks",
                            -Math.max(1_000, Math.abs(transfer.amountCents) / 10),
                            0,
                            0);
            };
            if (row != null) {
                writeRow(csv, settlement, account, row);
            }
        }
        csv.flush(); // not close: the caller owns the writer
    }

    /** The transaction reports the generator writes from a settlement's rows: its captures and its refunds. */
    public enum TransactionReport {
        /** {@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_}, columns of {@code CaptureRecord}. */
        CAPTURE("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_"),
        /** {@code _GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_}, columns of {@code RefundRecord}. */
        REFUND("_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_");

        private final String reportType;

        TransactionReport(String reportType) {
            this.reportType = reportType;
        }

        public String reportType() {
            return reportType;
        }
    }

    /**
     * Writes the capture or refund report of a settlement's period: one row per Capture (or Refund) row of the
     * settlement, under the same id (AmazonCaptureId / AmazonRefundId is the settlement row's AmazonTransactionId),
     * amount (a refund positive, as transaction reports write it), currency and seller reference, Completed at the
     * time the settlement posted it. So the captures and refunds of the generated data are settled by construction.
     */
    public static void writeTransactions(Settlement settlement, TransactionReport report, Writer out)
            throws IOException {
        writeTransactions(settlement, report, false, out);
    }

    /**
     * As {@link #writeTransactions(Settlement, TransactionReport, Writer)}; a capture report {@code withUnsettled}
     * ends with one more Completed capture, an hour before the period closed, that no settlement row holds.
     */
    public static void writeTransactions(
            Settlement settlement, TransactionReport report, boolean withUnsettled, Writer out) throws IOException {
        CsvWriter csv =
                CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).build(out);
        Type wanted = report == TransactionReport.CAPTURE ? Type.CAPTURE : Type.REFUND;
        if (report == TransactionReport.CAPTURE) {
            csv.writeRecord(
                    "AmazonCaptureId",
                    "CaptureReferenceId",
                    "AmazonAuthorizationId",
                    "AmazonOrderReferenceId",
                    "CaptureAmount",
                    "CurrencyCode",
                    "SellerCaptureNote",
                    "CaptureStatus",
                    "LastUpdateTimestamp",
                    "ReasonCode",
                    "CreationTimestamp");
        } else {
            csv.writeRecord(
                    "AmazonRefundId",
                    "RefundReferenceId",
                    "AmazonCaptureId",
                    "AmazonOrderReferenceId",
                    "RefundAmount",
                    "CurrencyCode",
                    "SellerRefundNote",
                    "RefundStatus",
                    "LastUpdateTimestamp",
                    "ReasonCode",
                    "CreationTimestamp",
                    "RefundType");
        }
        Account account = account(settlement.currency());
        for (Ledger ledger = new Ledger(settlement, account); ledger.hasNext(); ) {
            Row row = ledger.next();
            if (row.type != wanted) {
                continue;
            }
            String time = amazonTime(row.posted, ZoneOffset.UTC);
            String amount = account.amount(Math.abs(row.amountCents));
            String reference = row.sellerReferenceId == null ? "" : row.sellerReferenceId;
            String note = row.description == null ? "" : row.description;
            // both reports start with the same eleven columns; the refund report adds RefundType
            List<String> values = new ArrayList<>(List.of(
                    row.amazonTransactionId,
                    reference,
                    "",
                    row.orderReferenceId,
                    amount,
                    settlement.currency(),
                    note,
                    "Completed",
                    time,
                    "",
                    time));
            if (report == TransactionReport.REFUND) {
                values.add("SellerInitiated");
            }
            csv.writeRecord(values);
        }
        if (withUnsettled && report == TransactionReport.CAPTURE) {
            String id = settlement.settlementId();
            String orderReferenceId = "P99-" + id.substring(0, 7) + '-' + id.substring(id.length() - 7);
            String time = amazonTime(settlement.end().minus(Duration.ofHours(1)), ZoneOffset.UTC);
            csv.writeRecord(
                    orderReferenceId + "-C000001",
                    "",
                    "",
                    orderReferenceId,
                    account.amount(4_999),
                    settlement.currency(),
                    "Never settled",
                    "Completed",
                    time,
                    "",
                    time);
        }
        csv.flush(); // not close: the caller owns the writer
    }

    private static void writeRow(CsvWriter csv, Settlement settlement, Account account, Row row) {
        csv.writeRecord(
                amazonTime(row.posted, row.offset),
                settlement.settlementId(),
                row.amazonTransactionId,
                row.sellerReferenceId,
                row.type.label,
                row.orderReferenceId,
                row.sellerOrderId,
                row.storeName,
                settlement.currency(),
                row.description,
                account.amount(row.amountCents),
                account.amount(row.percentageFeeCents),
                account.amount(row.fixedFeeCents),
                account.amount(row.totalFeeCents()),
                account.amount(row.netCents()));
    }

    /**
     * The amount paid out to the seller's bank by the settlement's closing Transfer row, i.e. the sum of the net
     * amounts of all other rows (negative when the account ended in debt and Amazon debited the bank instead).
     */
    public static BigDecimal disbursement(Settlement settlement) {
        Account account = account(settlement.currency());
        Ledger ledger = new Ledger(settlement, account);
        Row last = null;
        while (ledger.hasNext()) {
            last = ledger.next();
        }
        return BigDecimal.valueOf(-last.netCents(), account.scale);
    }

    private static Settlement settlement(Books books, Account account, long period) {
        long seed = books.seed();
        long settlementSeed = mix(seed, account.currency, period);
        SplittableRandom random = new SplittableRandom(settlementSeed);
        String ownReportId = "A" + alnum(random, 20); // drawn even when replaced: the rest of the draws stay the same
        String reportId = books.reportIdSeed() == seed
                ? ownReportId
                : "A" + alnum(new SplittableRandom(mix(books.reportIdSeed(), account.currency, period)), 20);
        String documentId = "amzn1.tortuga.3." + hex(random, 8) + '-' + hex(random, 4) + '-' + hex(random, 4) + '-'
                + hex(random, 4) + '-' + hex(random, 12) + ".T3" + alnum(random, 12);
        String settlementId = String.valueOf(10_000_000_000L + random.nextLong(89_999_999_999L));
        int rows = MIN_ROWS + random.nextInt(MAX_ROWS - MIN_ROWS + 1);
        String sellerId = "A" + alnum(new SplittableRandom(mix(seed, account.currency, Long.MIN_VALUE)), 15);
        return new Settlement(
                reportId,
                documentId,
                settlementId,
                sellerId,
                account.currency,
                account.endTime(seed, period - 1),
                account.endTime(seed, period),
                settlementSeed,
                rows);
    }

    private static List<Account> accounts(Books books) {
        return books.currencies().stream()
                .map(SettlementReportGenerator::account)
                .toList();
    }

    private static Account account(String currency) {
        return ACCOUNTS.stream()
                .filter(a -> a.currency.equals(currency))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated account in " + currency));
    }

    /** The Amazon Pay settlement report guide writes UTC times as {@code -0000} (offset not stated) and local ones as {@code -0700}. */
    private static String amazonTime(Instant instant, ZoneOffset offset) {
        if (offset.equals(ZoneOffset.UTC)) {
            return LOCAL_TIME.format(instant.atOffset(offset)) + "-0000";
        }
        return LOCAL_TIME.format(instant.atOffset(offset)) + offset.getId().replace(":", "");
    }

    /** SplitMix64's finalizer over the inputs: independent streams for each account and period. */
    private static long mix(long seed, String currency, long period) {
        long z = seed ^ (currency.hashCode() * 0x9E3779B97F4A7C15L) ^ (period * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String alnum(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return s.toString();
    }

    private static String hex(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String digits(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private record Account(
            String currency,
            int cycleDays,
            int offsetDays,
            ZoneOffset localOffset,
            BigDecimal percentageFee,
            long fixedFeeCents,
            int scale) {

        /** An amount in minor units as the report writes it: {@code 1,000.00}, or {@code 1,000} in yen. */
        String amount(long minorUnits) {
            return AmazonAmountFormat.text(BigDecimal.valueOf(minorUnits, scale));
        }

        long endDay(long period) {
            return period * cycleDays + offsetDays;
        }

        /** Settlements close in the afternoon UTC, at a slightly different second each time (Amazon Pay reports API reference sample). */
        Instant endTime(long seed, long period) {
            int second = new SplittableRandom(mix(seed, currency, period) ^ 0x5EED).nextInt(3600);
            return LocalDate.ofEpochDay(endDay(period))
                    .atTime(LocalTime.of(15, 0))
                    .toInstant(ZoneOffset.UTC)
                    .plusSeconds(second);
        }

        long percentageFeeCents(long amountCents) {
            return BigDecimal.valueOf(amountCents)
                    .multiply(percentageFee)
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
    }

    /** The transaction types of the Amazon Pay settlement report guide, with how often the middle of a settlement sees each. */
    private enum Type {
        AUTHORIZATION("Authorization", 8),
        CAPTURE("Capture", 50),
        REFUND("Refund", 14),
        DEBT("Debt", 2),
        A_TO_Z("A-to-z Guarantee Claim", 3),
        CHARGEBACK("Chargeback", 3),
        DISPUTE("Dispute", 3),
        ADJUSTMENTS("Adjustments", 5),
        RESERVE("Reserve", 2),
        // Only at the edges: the opening balance and the closing payout.
        CARRYOVER("Carryover", 0),
        TRANSFER("Transfer", 0);

        private static final int TOTAL_WEIGHT =
                Arrays.stream(values()).mapToInt(type -> type.weight).sum();
        final String label;
        final int weight;

        Type(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }

        static Type pick(SplittableRandom random) {
            int ticket = random.nextInt(TOTAL_WEIGHT);
            for (Type type : values()) {
                ticket -= type.weight;
                if (ticket < 0) {
                    return type;
                }
            }
            throw new AssertionError("ticket below the total weight always lands");
        }
    }

    /** One body row; amounts in minor units so that fee and net arithmetic is exact. */
    private record Row(
            Instant posted,
            ZoneOffset offset,
            Type type,
            String amazonTransactionId,
            String sellerReferenceId,
            String orderReferenceId,
            String sellerOrderId,
            String storeName,
            String description,
            long amountCents,
            long percentageFeeCents,
            long fixedFeeCents) {

        long totalFeeCents() {
            return percentageFeeCents + fixedFeeCents;
        }

        long netCents() {
            return amountCents + totalFeeCents();
        }
    }

    /** What a row about an order repeats from it; the amount is the captured one. */
    private record Order(String orderReferenceId, String sellerOrderId, String storeName, long amountCents) {}

    /**
     * Produces the rows of one settlement in posting order, one at a time, so even a settlement of millions of
     * rows needs no memory beyond a few recent captures that later refunds and claims refer to.
     */
    private static final class Ledger {

        // Merchant-chosen values (Amazon Pay settlement report guide: StoreName, SellerNote) are where quotes, commas
        // and line breaks occur.
        private static final String[] STORES = {
            "Court and Cherry, Inc.",
            "Blue \"Harbor\" Outfitters",
            "Müller & Söhne GmbH",
            "Tea Emporium",
            "Northwind Traders"
        };
        private static final String[] NOTES = {
            "Charge for Blue Sweater.",
            "Order of 2 items, gift wrapped",
            "Thank you for your order!",
            "Engraving: \"For Anna\"",
            "Pre-order\nships in May"
        };
        private static final int RECENT_CAPTURES = 64;

        private final Settlement settlement;
        private final Account account;
        private final SplittableRandom random;
        private final String bankAccountSuffix;
        private final Order[] recentCaptures = new Order[RECENT_CAPTURES];
        private final EnumSet<Type> unseen = EnumSet.range(Type.AUTHORIZATION, Type.RESERVE);
        private final Duration step;
        private int index;
        private long captures;
        private long balanceCents;

        Ledger(Settlement settlement, Account account) {
            this.settlement = settlement;
            this.account = account;
            this.random = new SplittableRandom(settlement.seed());
            this.bankAccountSuffix =
                    digits(new SplittableRandom(settlement.sellerId().hashCode()), 4);
            this.step = Duration.between(settlement.start(), settlement.end()).dividedBy(settlement.rows() + 1L);
        }

        boolean hasNext() {
            return index < settlement.rows();
        }

        Row next() {
            // One time slot per row keeps posting times increasing without sorting.
            Instant posted = settlement
                    .start()
                    .plus(step.multipliedBy(index + 1L))
                    .plusSeconds(random.nextLong(Math.max(1, step.toSeconds())))
                    .truncatedTo(ChronoUnit.SECONDS);
            Row row = row(index++, settlement.rows(), posted);
            balanceCents += row.netCents();
            return row;
        }

        private Row row(int index, int rows, Instant posted) {
            ZoneOffset offset = random.nextInt(5) == 0 ? account.localOffset : ZoneOffset.UTC;
            if (index == rows - 1) {
                return balanceRow(
                        posted,
                        offset,
                        Type.TRANSFER,
                        -balanceCents,
                        balanceCents >= 0
                                ? "Transfer to bank account ending in " + bankAccountSuffix
                                : "Debit from bank account ending in " + bankAccountSuffix);
            }
            if (index == 0 && random.nextBoolean()) {
                return balanceRow(
                        posted,
                        offset,
                        Type.CARRYOVER,
                        cents(-5_000, 40_000),
                        "Carryover from previous settlement period");
            }
            // The first regular row is a capture so that refunds and claims always have one to refer to; the
            // last ones fill in types not seen yet, so every file shows every type.
            Type type = captures == 0
                    ? Type.CAPTURE
                    : rows - 1 - index <= unseen.size() && !unseen.isEmpty()
                            ? unseen.iterator().next()
                            : Type.pick(random);
            unseen.remove(type);
            return switch (type) {
                case CAPTURE -> capture(posted, offset);
                case AUTHORIZATION -> order(posted, offset, type, newOrder(), 'A', 0, 0, -account.fixedFeeCents, null);
                case REFUND -> refund(posted, offset);
                case DEBT ->
                    balanceRow(
                            posted, offset, type, -cents(500, 10_000), "Debit to cover a refund exceeding the balance");
                case A_TO_Z -> claim(posted, offset, type, "A-to-z Guarantee claim", false);
                case CHARGEBACK -> claim(posted, offset, type, "Chargeback", random.nextInt(5) == 0);
                case DISPUTE -> dispute(posted, offset);
                case ADJUSTMENTS -> balanceRow(posted, offset, type, cents(-5_000, 5_000), "Adjustment");
                case RESERVE ->
                    balanceRow(
                            posted,
                            offset,
                            type,
                            -Math.max(1_000, balanceCents / 10),
                            "Reserve for future refunds, A-to-z claims and chargebacks");
                case CARRYOVER, TRANSFER -> throw new IllegalStateException(type + " is only written at the edges");
            };
        }

        private Row capture(Instant posted, ZoneOffset offset) {
            int size = random.nextInt(20);
            long amount =
                    size == 0 ? cents(150_000, 2_500_000) : size < 6 ? cents(30_000, 150_000) : cents(500, 30_000);
            Order order = newOrder();
            Order capture = new Order(order.orderReferenceId(), order.sellerOrderId(), order.storeName(), amount);
            recentCaptures[(int) (captures++ % RECENT_CAPTURES)] = capture;
            return order(
                    posted,
                    offset,
                    Type.CAPTURE,
                    capture,
                    'C',
                    amount,
                    -account.percentageFeeCents(amount),
                    -account.fixedFeeCents,
                    random.nextInt(3) == 0 ? NOTES[random.nextInt(NOTES.length)] : null);
        }

        /** Refunds credit back the percentage fee but not the fixed fee (Amazon Pay settlement report guide, fee columns). */
        private Row refund(Instant posted, ZoneOffset offset) {
            Order capture = recentCapture();
            long amount = random.nextBoolean() ? capture.amountCents() : Math.max(1, capture.amountCents() / 2);
            return order(
                    posted,
                    offset,
                    Type.REFUND,
                    capture,
                    'R',
                    -amount,
                    account.percentageFeeCents(amount),
                    0,
                    random.nextInt(3) == 0 ? "Refund for returned item" : null);
        }

        /** Claims and chargebacks debit the order's amount and credit its fee; a reversal does the opposite. */
        private Row claim(Instant posted, ZoneOffset offset, Type type, String description, boolean reversal) {
            Order capture = recentCapture();
            long sign = reversal ? 1 : -1;
            return order(
                    posted,
                    offset,
                    type,
                    capture,
                    type == Type.CHARGEBACK ? 'B' : 'Z',
                    sign * capture.amountCents(),
                    -sign * account.percentageFeeCents(capture.amountCents()),
                    0,
                    reversal ? description + " reversal" : description);
        }

        /** Disputes hold the order's amount and are charged the fixed fee (Amazon Pay settlement report guide, TransactionFixedFee). */
        private Row dispute(Instant posted, ZoneOffset offset) {
            Order capture = recentCapture();
            return order(
                    posted,
                    offset,
                    Type.DISPUTE,
                    capture,
                    'D',
                    -capture.amountCents(),
                    0,
                    -account.fixedFeeCents,
                    "Dispute fee");
        }

        private Row order(
                Instant posted,
                ZoneOffset offset,
                Type type,
                Order order,
                char kind,
                long amount,
                long percentageFee,
                long fixedFee,
                String description) {
            String transactionId = order.orderReferenceId() + '-' + kind + digits(random, 6);
            String sellerReferenceId = random.nextInt(5) == 0 ? null : "OALP" + digits(random, 8);
            return new Row(
                    posted,
                    offset,
                    type,
                    transactionId,
                    sellerReferenceId,
                    order.orderReferenceId(),
                    order.sellerOrderId(),
                    order.storeName(),
                    description,
                    amount,
                    percentageFee,
                    fixedFee);
        }

        /** Rows about the account rather than an order carry no order or transaction ids (Amazon Pay settlement report guide). */
        private Row balanceRow(Instant posted, ZoneOffset offset, Type type, long amount, String description) {
            return new Row(posted, offset, type, null, null, null, null, null, description, amount, 0, 0);
        }

        private Order newOrder() {
            String orderReferenceId = "P" + digits(random, 2) + '-' + digits(random, 7) + '-' + digits(random, 7);
            String sellerOrderId = random.nextInt(10) < 7 ? "OALP" + digits(random, 4 + random.nextInt(3)) : null;
            String storeName = random.nextInt(4) < 3 ? STORES[random.nextInt(STORES.length)] : null;
            return new Order(orderReferenceId, sellerOrderId, storeName, 0);
        }

        private Order recentCapture() {
            return recentCaptures[random.nextInt((int) Math.min(captures, RECENT_CAPTURES))];
        }

        private long cents(long fromInclusive, long toExclusive) {
            return random.nextLong(fromInclusive, toExclusive);
        }
    }
}
