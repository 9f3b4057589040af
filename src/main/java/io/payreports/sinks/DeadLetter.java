package io.payreports.sinks;

import io.payreports.reports.ReportContext;
import java.time.Instant;

/**
 * A record or line that could not be parsed or delivered, with enough context to find it again
 * and replay it: the report it came from, where in it, why it failed, and the original text.
 *
 * @param account    the merchant account of the job; its dead letters are kept apart ({@link DeadLetterWriter})
 * @param lineNumber line in the report file, or {@code null} when the failure is not tied to a line
 * @param reason     one line, presigned URLs redacted (the constructor enforces both)
 * @param sink       the sink that refused the record, or {@code null} when parsing failed
 * @param payload    the raw line or record text, verbatim
 */
public record DeadLetter(
        String jobId,
        String account,
        String reportId,
        String reportType,
        Long lineNumber,
        String reason,
        String exceptionClass,
        Instant failedAt,
        String sink,
        String payload) {

    public DeadLetter {
        reason = Redaction.presignedUrls(reason == null ? null : reason.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    public static DeadLetter of(
            ReportContext report, Long lineNumber, Throwable cause, String sink, String payload, Instant failedAt) {
        String message = cause.getMessage();
        return new DeadLetter(
                report.jobId(),
                report.account(),
                report.reportId(),
                report.reportType(),
                lineNumber,
                message == null || message.isBlank() ? cause.getClass().getSimpleName() : message,
                cause.getClass().getName(),
                failedAt,
                sink,
                payload);
    }
}
