package io.payreports.reconciliation;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The run for people: {@code <runId>.md} (a summary per check, then every difference and every pending item with
 * its reason) and {@code <runId>.csv} (every item, one per line, amounts as exact decimals). Each is written to a
 * temporary name and moved into place, so a reader never sees half a report.
 */
final class ReconciliationReport {

    private ReconciliationReport() {}

    /** Writes both files of the run into {@code dir} and answers the Markdown one. */
    static Path write(ReconciliationResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve(result.runId() + ".md");
        writeAtomically(markdown, out -> markdown(result, out));
        writeAtomically(dir.resolve(result.runId() + ".csv"), out -> csv(result, out));
        return markdown;
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void markdown(ReconciliationResult result, Writer out) throws IOException {
        out.write(
                "# Reconciliation " + result.from() + " to " + result.to() + ", account " + result.account() + "\n\n");
        out.write("Run `" + result.runId() + "` at " + result.startedAt() + ": **"
                + (result.balanced()
                        ? "balanced**, every difference within the tolerances."
                        : result.unmatched().size() + " difference(s)** to explain.")
                + "\n\n");
        Tolerances t = result.tolerances();
        out.write("Tolerances: amounts within " + t.amountMinorUnits()
                + " minor unit(s) of the currency; payouts within " + t.payoutWindowDays()
                + " days of their transfer; captures and refunds settled within " + t.unsettledCaptureDays()
                + " days.\n\n");
        out.write("| check | matched | unmatched | pending |\n|---|---:|---:|---:|\n");
        for (Check check : Check.values()) {
            out.write("| " + check.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " | "
                    + result.count(check, Reason.Status.MATCHED) + " | "
                    + result.count(check, Reason.Status.UNMATCHED) + " | "
                    + result.count(check, Reason.Status.PENDING) + " |\n");
        }
        Map<String, BigDecimal> amounts = result.unmatchedAmountByCurrency();
        if (!amounts.isEmpty()) {
            out.write("\nUnexplained amounts: ");
            out.write(String.join(
                    ", ",
                    amounts.entrySet().stream()
                            .map(e -> new Amount(e.getValue(), e.getKey()).toString())
                            .toList()));
            out.write("\n");
        }
        section(out, "Differences", result.unmatched());
        section(
                out,
                "Pending",
                result.items().stream()
                        .filter(item -> item.status() == Reason.Status.PENDING)
                        .toList());
    }

    private static void section(Writer out, String title, List<Item> items) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        out.write("\n## " + title + "\n\n");
        out.write("| check | reason | reference | currency | expected | actual | difference | when | detail |\n");
        out.write("|---|---|---|---|---:|---:|---:|---|---|\n");
        for (Item item : items) {
            out.write("| " + item.check() + " | " + item.reason() + ": "
                    + item.reason().meaning() + " | "
                    + cell(item.reference()) + " | " + item.currency() + " | " + money(item.expected(), item) + " | "
                    + money(item.actual(), item) + " | " + money(item.difference(), item) + " | "
                    + cell(item.whenRaw() != null ? item.whenRaw() : String.valueOf(item.when())) + " | "
                    + cell(item.detail()) + " |\n");
        }
    }

    private static String money(BigDecimal value, Item item) {
        return value == null ? "" : new Amount(value, item.currency()).text();
    }

    /** Merchant text may hold a pipe or a line break; either would break the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    static void csv(ReconciliationResult result, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(
                "runId",
                "account",
                "check",
                "status",
                "reason",
                "reference",
                "currency",
                "expected",
                "actual",
                "difference",
                "when",
                "whenRaw",
                "detail");
        for (Item item : result.items()) {
            // FastCSV writes a null field (no reference, no raw time, no detail) as an empty one
            csv.writeRecord(
                    result.runId(),
                    result.account(),
                    item.check().name(),
                    item.status().name(),
                    item.reason().name(),
                    item.reference(),
                    item.currency(),
                    money(item.expected(), item),
                    money(item.actual(), item),
                    money(item.difference(), item),
                    item.when() == null ? "" : item.when().toString(),
                    item.whenRaw(),
                    item.detail());
        }
        csv.flush();
    }
}
