package io.payreports.state;

import com.zaxxer.hikari.HikariDataSource;
import io.payreports.jobs.JobContext;
import io.payreports.jobs.JobRun;
import io.payreports.reports.ReportContext;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivered-reports repository ({@code #deliveredReports}): which {@code <jobId>/<reportId>} were
 * delivered, in Camel's {@code CAMEL_MESSAGEPROCESSED} table of the state database.
 * <p>
 * Two things Camel's {@link JdbcMessageIdRepository} alone gets wrong for us. Its key column is
 * {@code VARCHAR(100)}, and PostgreSQL refuses NUL in text: a long or odd report id could be neither
 * looked up nor recorded, and was delivered again on every run. Such keys are stored as
 * {@code sha256:<hex>} of the key instead (71 characters); ordinary keys stay as they are, so the rows
 * earlier versions wrote still count. And Camel records a delivery after the fact, in an
 * on-completion hook that only logs a failure: here a failure to record fails the report's run and holds
 * the job's watermark before the report, so that the next run lists it again instead of losing track.
 * <p>
 * A failed check also drops the pool's other connections: when the database failed over or restarted, they
 * all ended with the one that failed, and the pool hands out a connection used within the last half second
 * without testing it. Without the drop the next report would fail on another dead connection; with it, it
 * waits (up to the pool's connection timeout) for a new one and goes through if the database is back.
 */
public final class DeliveredReports extends ServiceSupport implements IdempotentRepository {

    /** Keys that fit Camel's column as they are: printable ASCII, at most its 100 characters. */
    private static final Pattern STORED_AS_IS = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredReports.class);

    private final DataSource state;
    private final JdbcMessageIdRepository table;

    public DeliveredReports(DataSource state) {
        this.state = state;
        this.table = new JdbcMessageIdRepository(state, "payreports");
    }

    /** The key as stored: itself when it fits the column, else its SHA-256. */
    static String storedKey(String key) {
        if (STORED_AS_IS.matcher(key).matches()) {
            return key;
        }
        return "sha256:" + DigestUtils.sha256Hex(key);
    }

    @Override
    public boolean contains(String key) {
        try {
            return table.contains(storedKey(key));
        } catch (RuntimeException e) {
            dropPooledConnections();
            throw new StateDatabaseException(
                    "could not check in the state database whether " + key + " was delivered", e);
        }
    }

    private void dropPooledConnections() {
        if (state instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public boolean add(String key) {
        return table.add(storedKey(key));
    }

    /**
     * Called by Camel once the report is delivered. A failure is not thrown (Camel would only log it)
     * but recorded in the run, which then fails and keeps its watermark before the report.
     */
    @Override
    public boolean add(Exchange exchange, String key) {
        try {
            return add(key);
        } catch (RuntimeException e) {
            dropPooledConnections();
            JobContext job = JobContext.of(exchange);
            JobRun run = job == null ? null : job.run();
            ReportContext report = job == null ? null : job.report();
            String reportId = report == null ? key : report.reportId();
            String reason = StateDatabaseException.describe(e);
            LOG.error(
                    "job {}: report {} was delivered but the state database did not record it; the run fails and the report "
                            + "is listed again next run: {}",
                    run == null ? "?" : run.label(),
                    reportId,
                    reason);
            if (run != null) {
                run.deliveryNotRecorded(reportId, job.position(), reason);
            }
            return false;
        }
    }

    @Override
    public boolean remove(String key) {
        return table.remove(storedKey(key));
    }

    @Override
    public boolean confirm(String key) {
        return table.confirm(storedKey(key));
    }

    @Override
    public void clear() {
        table.clear();
    }

    @Override
    protected void doStart() throws Exception {
        table.start();
    }

    @Override
    protected void doStop() throws Exception {
        table.stop();
    }
}
