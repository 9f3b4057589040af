package io.payreports.state;

import io.payreports.sinks.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * How far each job has fetched, in the state database ({@code payreports_watermark}, created when
 * missing). A watermark only moves forward: a late or repeated run that reports an older point
 * leaves it where it is, so restarts neither lose nor repeat data windows.
 */
public final class WatermarkStore {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS payreports_watermark (
              job_id VARCHAR(200) PRIMARY KEY,
              watermark TIMESTAMP WITH TIME ZONE NOT NULL,
              updated_at TIMESTAMP WITH TIME ZONE NOT NULL)""";

    private static final String SELECT = "SELECT watermark FROM payreports_watermark WHERE job_id = ?";
    private static final String SELECT_ALL = "SELECT job_id, watermark FROM payreports_watermark";

    /** ON CONFLICT, unlike MERGE, cannot fail on a concurrent first insert of the same job. */
    private static final String ADVANCE_POSTGRESQL = """
            INSERT INTO payreports_watermark AS w (job_id, watermark, updated_at)
            VALUES (?, ?, CURRENT_TIMESTAMP)
            ON CONFLICT (job_id) DO UPDATE SET watermark = EXCLUDED.watermark, updated_at = EXCLUDED.updated_at
            WHERE w.watermark < EXCLUDED.watermark""";

    private static final String ADVANCE_H2 = """
            MERGE INTO payreports_watermark w
            USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (job_id, watermark)
            ON w.job_id = s.job_id
            WHEN MATCHED AND w.watermark < s.watermark THEN
              UPDATE SET watermark = s.watermark, updated_at = CURRENT_TIMESTAMP
            WHEN NOT MATCHED THEN
              INSERT (job_id, watermark, updated_at) VALUES (s.job_id, s.watermark, CURRENT_TIMESTAMP)""";

    private final StateTable table;

    public WatermarkStore(DataSource dataSource) {
        this(new StateTable(dataSource, CREATE));
    }

    private WatermarkStore(StateTable table) {
        this.table = table;
    }

    /** For reading only ({@code status}): creates no table, as {@link RunHistory#reader}. */
    public static WatermarkStore reader(DataSource dataSource) {
        return new WatermarkStore(new StateTable(dataSource));
    }

    public Optional<Instant> get(String jobId) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant())
                        : Optional.empty();
            }
        }
    }

    /** Every job's watermark, by job id. */
    public Map<String, Instant> all() throws SQLException {
        Map<String, Instant> watermarks = new TreeMap<>();
        try (Connection connection = table.connect();
                PreparedStatement select = connection.prepareStatement(SELECT_ALL);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                watermarks.put(
                        row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return watermarks;
    }

    /** Moves the job's watermark to {@code to}, unless it already stands at or after it. */
    public void advance(String jobId, Instant to) throws SQLException {
        try (Connection connection = table.connect();
                PreparedStatement advance = connection.prepareStatement(
                        switch (SqlDialect.of(connection)) {
                            case POSTGRESQL -> ADVANCE_POSTGRESQL;
                            case H2 -> ADVANCE_H2;
                        })) {
            advance.setString(1, jobId);
            advance.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            advance.executeUpdate();
        }
    }
}
