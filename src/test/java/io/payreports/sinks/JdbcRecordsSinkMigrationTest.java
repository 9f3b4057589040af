package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The first reports of many jobs at once on a new node: they wait for one migration, not for the pool. */
class JdbcRecordsSinkMigrationTest {

    private static final int POOL = 2;

    @Test
    void reportsOpeningTogetherBeforeTheMigrationDoNotStarveItsConnections() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(POOL);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        ExecutorService deliveries = Executors.newFixedThreadPool(POOL);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcRecordsSink sink =
                    new JdbcRecordsSink("jdbc", pool, 100, null, JdbcRecordsSinkContract.MIGRATIONS_WITH_TEST_RECORD);
            CyclicBarrier together = new CyclicBarrier(POOL);
            List<Future<Long>> opened = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                opened.add(deliveries.submit(() -> {
                    together.await();
                    long started = System.nanoTime();
                    try (ReportWriter<TestRecord> writer =
                            sink.open(JdbcRecordsSinkContract.REPORT, TestRecord.LAYOUT)) {
                        writer.commit();
                    }
                    return System.nanoTime() - started;
                }));
            }
            for (Future<Long> open : opened) {
                // before: a delivery held its connection while waiting for the migration, whose Flyway then waited
                // the pool's connection timeout for one of them
                assertThat(Duration.ofNanos(open.get(1, TimeUnit.MINUTES))).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            deliveries.shutdownNow();
        }
    }
}
