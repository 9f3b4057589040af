package io.payreports.amazonpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRuns;
import io.payreports.simulator.MutableClock;
import io.payreports.sinks.TestDatabases;
import io.payreports.state.WatermarkStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a reports job's watermark moves when Amazon lists nothing new, and what the next run then says. */
class AmazonPayWatermarkTest {

    private static final String TYPE = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
    /** What Amazon lists: the reports created since the asked time. */
    private final List<Report> listed = new ArrayList<>();

    @TempDir
    Path directory;

    @Test
    void aJobWhoseTypeNeverListedAReportKeepsNoWatermarkAndIsNotWarnedAboutRetention() throws Exception {
        WatermarkStore watermarks = new WatermarkStore(TestDatabases.h2(directory));
        AmazonPayReportSource source = new AmazonPayReportSource(account -> new Listing(), watermarks, clock);

        JobContext first = run(source);
        clock.advance(Duration.ofHours(1));
        JobContext second = run(source);

        assertThat(watermarks.get("refunds")).isEmpty();
        assertThat(first.run().warnings()).isEmpty();
        assertThat(second.run().warnings()).isEmpty();
    }

    @Test
    void aListingWithNothingNewLeavesTheWatermarkWhereItWas() throws Exception {
        WatermarkStore watermarks = new WatermarkStore(TestDatabases.h2(directory));
        AmazonPayReportSource source = new AmazonPayReportSource(account -> new Listing(), watermarks, clock);
        Instant created = clock.instant().minus(Duration.ofDays(3));
        listed.add(new Report("R-1", TYPE, null, null, created, Report.ProcessingStatus.COMPLETED, null, null, "D-1"));
        run(source);
        listed.clear();

        clock.advance(Duration.ofDays(1));
        JobContext later = run(source);

        assertThat(watermarks.get("refunds")).contains(created);
        assertThat(later.run().warnings()).isEmpty();
    }

    @Test
    void aWatermarkOlderThanAmazonsRetentionStillWarns() throws Exception {
        WatermarkStore watermarks = new WatermarkStore(TestDatabases.h2(directory));
        watermarks.advance("refunds", clock.instant().minus(Duration.ofDays(120)));
        AmazonPayReportSource source = new AmazonPayReportSource(account -> new Listing(), watermarks, clock);

        assertThat(run(source).run().warnings())
                .singleElement()
                .asString()
                .contains("older than Amazon's 90-day report retention");
    }

    /** The job's steps around the delivery: list, then move the watermark. */
    private JobContext run(AmazonPayReportSource source) throws Exception {
        JobContext job = new JobRuns(clock).begin("run", "refunds", "default", "file", "UTF-8", "auto");
        source.pendingReports(job, TYPE);
        source.advanceWatermark(job);
        return job;
    }

    private final class Listing extends OfflineAmazonPay {

        Listing() {
            super(clock);
        }

        @Override
        public List<Report> listReports(ReportQuery query) {
            return listed.stream()
                    .filter(report -> !report.createdTime().isBefore(query.createdSince()))
                    .toList();
        }
    }
}
