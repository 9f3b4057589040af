package io.payreports.reports;

import java.time.Instant;

/**
 * The report a batch of records came from: carried beside every record so that sinks can name
 * files, dead letters can say where a bad row came from, and state can mark the report delivered.
 *
 * @param account the merchant account the job fetched the report with; its records carry it, so that one
 *                table or topic holds many accounts' records apart
 */
public record ReportContext(
        String jobId, String account, String reportId, String reportType, Instant dataStart, Instant dataEnd) {

    /** The account of jobs that name none: the single-account keys ({@code payreports.amazonpay.*}, ...) configure it. */
    public static final String DEFAULT_ACCOUNT = "default";
    /** A report of a job of the {@link #DEFAULT_ACCOUNT}. */
    public ReportContext(String jobId, String reportId, String reportType, Instant dataStart, Instant dataEnd) {
        this(jobId, DEFAULT_ACCOUNT, reportId, reportType, dataStart, dataEnd);
    }

    /** What the job's state and dead letters are kept under: see {@link #stateKey(String, String)}. */
    public String stateKey() {
        return stateKey(account, jobId);
    }

    /**
     * The job id for the default account, so that state written before accounts existed carries over, else
     * {@code account/jobId} (a slash is in neither name, so keys of different accounts never meet).
     */
    public static String stateKey(String account, String jobId) {
        return isDefault(account) ? jobId : account + "/" + jobId;
    }

    public static boolean isDefault(String account) {
        return DEFAULT_ACCOUNT.equals(account);
    }
}
