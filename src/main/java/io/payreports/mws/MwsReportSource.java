package io.payreports.mws;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MWS side of an MWS reports job, as a bean for the {@code mws-reports} route template. Amazon keeps
 * the state: a report is new while it is unacknowledged (Amazon Pay settlement report guide, steps 1-2), and it is acknowledged
 * (step 4) only after every sink took it. So no watermark is needed; the delivered-reports repository
 * only bridges the gap between a delivery and its acknowledgement, should the acknowledgement fail.
 */
public class MwsReportSource {

    private static final Logger LOG = LoggerFactory.getLogger(MwsReportSource.class);
    /** MWS lists report requests of the last 90 days. */
    private static final Duration RETENTION = Duration.ofDays(90);
    /** Consecutive reports meet within seconds (Amazon Pay settlement report guide's sample: one ends at 00:00:18, the next starts at 00:00:19). */
    private static final Duration GAP_TOLERANCE = Duration.ofMinutes(1);

    /** The client of an account, by name, made on first use: a runtime without MWS jobs starts no MWS simulator in demo mode. */
    private final Function<String, MwsClient> clients;

    private final IdempotentRepository delivered;
    private final Clock clock;

    public MwsReportSource(Function<String, MwsClient> clients, IdempotentRepository delivered, Clock clock) {
        this.clients = clients;
        this.delivered = delivered;
        this.clock = clock;
    }

    /**
     * The unacknowledged reports of the types, oldest data first. Reports delivered by an earlier run
     * whose acknowledgement did not get through are not delivered again, only acknowledged. Holes between
     * the data periods of the listed reports are warnings in the run summary.
     */
    public List<MwsReport> pending(JobContext job, String reportTypes) {
        JobRun run = job.run();
        List<String> types = Arrays.stream(reportTypes.split(","))
                .map(String::strip)
                .filter(type -> !type.isEmpty())
                .toList();
        Instant now = clock.instant();
        List<MwsReport> generated = client(job).generatedReports(types, now.minus(RETENTION), now);
        warnAboutGaps(run, generated);
        List<MwsReport> done =
                generated.stream().filter(report -> !report.hasNoData()).toList();
        Set<String> open = client(job).unacknowledged(types);
        // the ids delivered in this run (and by an earlier one whose acknowledgement failed), acknowledged after it
        Queue<String> toAcknowledge = job.toAcknowledge();
        List<MwsReport> pending = new ArrayList<>();
        for (MwsReport report : done) {
            if (!open.contains(report.reportId())) {
                continue;
            }
            if (delivered.contains(run.stateKey() + "/" + report.reportId())) {
                toAcknowledge.add(report.reportId());
            } else {
                pending.add(report);
            }
        }
        pending.sort(Comparator.comparing(MwsReport::dataStart, Comparator.nullsFirst(Comparator.naturalOrder())));
        run.reportsListed(pending.size());
        LOG.debug(
                "job {}: {} reports generated, {} unacknowledged, {} to deliver",
                run.label(),
                done.size(),
                open.size(),
                pending.size());
        return pending;
    }

    /** Makes the split's report the one being delivered. */
    public void select(JobContext job, MwsReport report) {
        // no position: Amazon keeps what is unacknowledged, there is no watermark to hold
        job.select(
                job.run().report(report.reportId(), report.reportType(), report.dataStart(), report.dataEnd()),
                null,
                report);
    }

    public InputStream download(JobContext job) {
        MwsReport report = job.item(MwsReport.class);
        LOG.info(
                "job {}: downloading MWS report {} ({} to {})",
                job.run().label(),
                report.reportId(),
                report.dataStart(),
                report.dataEnd());
        return client(job).report(report.reportId());
    }

    /**
     * After the sinks settled: the report joins the run's acknowledgements, unless a sink had to dead-letter
     * records. Then Amazon keeps it unacknowledged and the report fails here, so that it is not marked
     * delivered and the next run delivers it again (the sinks that took it absorb the repeat).
     */
    public void delivered(JobContext job) {
        MwsReport report = job.item(MwsReport.class);
        long deadLettered = job.parkedBySinks();
        if (deadLettered > 0) {
            throw new UnacknowledgedReportException(
                    "report " + report.reportId() + " stays unacknowledged at Amazon: a sink dead-lettered "
                            + deadLettered + " of its records; the next run delivers it again");
        }
        job.toAcknowledge().add(report.reportId());
    }

    /** After the split: acknowledges what this run delivered (and what an earlier run could not), in batches of 100. */
    public void acknowledge(JobContext job) {
        List<String> ids = new ArrayList<>(job.toAcknowledge());
        if (!ids.isEmpty()) {
            int count = client(job).acknowledge(ids);
            LOG.info("job {}: acknowledged {} MWS report(s): {}", job.run().label(), count, ids);
        }
    }

    /** The client of the job's account. */
    private MwsClient client(JobContext job) {
        return clients.apply(job.run().account());
    }

    /**
     * The Amazon Pay settlement report guide: a day without transactions has no report, and a report can come late; so holes are judged on
     * the data periods of everything Amazon lists (DONE and DONE_NO_DATA), per report type, not on generation dates.
     */
    private static void warnAboutGaps(JobRun run, List<MwsReport> generated) {
        Map<String, List<MwsReport>> byType = generated.stream()
                .filter(report -> report.dataStart() != null && report.dataEnd() != null)
                .collect(Collectors.groupingBy(MwsReport::reportType));
        byType.forEach((type, reports) -> {
            List<MwsReport> sorted = reports.stream()
                    .sorted(Comparator.comparing(MwsReport::dataStart))
                    .toList();
            Instant coveredUntil = sorted.get(0).dataEnd();
            for (MwsReport report : sorted.subList(1, sorted.size())) {
                if (report.dataStart().isAfter(coveredUntil.plus(GAP_TOLERANCE))) {
                    String gap = "no " + type + " report covers " + coveredUntil.truncatedTo(ChronoUnit.SECONDS) + ".."
                            + report.dataStart().truncatedTo(ChronoUnit.SECONDS);
                    LOG.warn("job {}: {}", run.label(), gap);
                    run.warn(gap);
                }
                if (report.dataEnd().isAfter(coveredUntil)) {
                    coveredUntil = report.dataEnd();
                }
            }
        });
    }
}
