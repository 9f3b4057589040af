package io.payreports.sinks;

import io.payreports.reports.RecordLayout;
import io.payreports.reports.ReportContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a report goes in a remote store, e.g. {@code {reportType}/{yyyy}/{MM}/{reportId}.csv}.
 * The date is the start of the report's data period (UTC), so that a report redelivered a month
 * later replaces its earlier upload instead of landing beside it; reports without a period use
 * the delivery date. A pattern without {@code {account}} puts another account's reports than the
 * default account's under a folder of the account's name, so that accounts never overwrite each
 * other ({@link AccountFolders}).
 */
public final class TargetPattern {

    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> TOKENS =
            Set.of("account", "jobId", "reportId", "reportType", "layout", "yyyy", "MM", "dd");

    private final String pattern;
    private final Clock clock;

    public TargetPattern(String pattern, Clock clock) {
        Matcher token = TOKEN.matcher(pattern);
        while (token.find()) {
            if (!TOKENS.contains(token.group(1))) {
                throw new IllegalArgumentException(
                        "unknown placeholder {" + token.group(1) + "} in '" + pattern + "', use " + TOKENS);
            }
        }
        this.pattern = pattern;
        this.clock = clock;
    }

    /** The encoding a pattern's file name asks for: {@code {reportId}.csv.gz} → gzip-compressed CSV. */
    public Encoding encoding() {
        String fileName = pattern.substring(pattern.lastIndexOf('/') + 1);
        int dot = fileName.indexOf('.', fileName.lastIndexOf('}') + 1);
        if (dot < 0) {
            throw new IllegalArgumentException("'" + pattern + "' must end in .csv or .jsonl (optionally .gz)");
        }
        return Encoding.parse(fileName.substring(dot + 1));
    }

    public String resolve(ReportContext report, RecordLayout<?> layout) {
        Instant date = report.dataStart() != null ? report.dataStart() : clock.instant();
        ZonedDateTime day = date.atZone(ZoneOffset.UTC);
        String folder = pattern.contains("{account}") ? "" : AccountFolders.prefix(report.account());
        return folder
                + TOKEN.matcher(pattern)
                        .replaceAll(match -> Matcher.quoteReplacement(
                                switch (match.group(1)) {
                                    case "account" -> pathPart(report.account());
                                    case "jobId" -> pathPart(report.jobId());
                                    case "reportId" -> pathPart(report.reportId());
                                    case "reportType" -> pathPart(report.reportType());
                                    case "layout" -> layout.name();
                                    case "yyyy" -> String.format("%04d", day.getYear());
                                    case "MM" -> String.format("%02d", day.getMonthValue());
                                    default -> String.format("%02d", day.getDayOfMonth());
                                }));
    }

    /** Values from Amazon become one path segment: no separators, no climbing out with dots. */
    private static String pathPart(String value) {
        String safe = value == null || value.isEmpty() ? "unknown" : value.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.startsWith(".") ? "_" + safe : safe;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
