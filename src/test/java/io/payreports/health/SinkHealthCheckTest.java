package io.payreports.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkHealthCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFileSinkIsUpWhileItsFolderCanBeWrittenAndDownNamingTheFolderWhenNot() throws Exception {
        assertThat(call(new SinkHealthCheck("file", "out", SinkHealthCheck.writableFolder(dir.resolve("out/a"))))
                        .getDetails())
                .containsEntry("answer", "folder to be created in " + dir + ", writable")
                .containsEntry("destination", "out");

        Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
        HealthCheck.Result down = call(
                new SinkHealthCheck("file", "plain/out", SinkHealthCheck.writableFolder(notAFolder.resolve("out"))));
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage())
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("sink file (plain/out) is not reachable: folder " + notAFolder.resolve("out")));
    }

    @Test
    void aJdbcSinkAnswersThroughItsPool() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sink-health");
        HealthCheck.Result up = call(new SinkHealthCheck("jdbc", "h2", SinkHealthCheck.connection(h2)));
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("answer", "H2 answered");
    }

    @Test
    void aProbeThatHangsIsDownAfterTheWaitAndIsNotStartedTwice() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        SinkHealthCheck check = new SinkHealthCheck("slow", "somewhere", () -> {
            probes.incrementAndGet();
            release.await();
            return "late";
        });
        assertThat(call(check).getMessage()).hasValue("sink slow (somewhere) did not answer within 2 s");
        assertThat(call(check).getState()).isEqualTo(HealthCheck.State.DOWN);
        release.countDown();
        assertThat(probes.get()).isEqualTo(1);
    }

    @Test
    void aServersAnswerStandsForItsTimeAndALocalSinkIsAskedOnEveryCheck() {
        AtomicInteger logins = new AtomicInteger();
        SinkHealthCheck server = new SinkHealthCheck(
                "bank", "sftp://bank:22/in", () -> "logged in " + logins.incrementAndGet(), Duration.ofHours(1));
        AtomicInteger looks = new AtomicInteger();
        SinkHealthCheck folder = new SinkHealthCheck("file", "out", () -> "looked " + looks.incrementAndGet());

        for (int poll = 0; poll < 3; poll++) {
            assertThat(call(server).getDetails()).containsEntry("answer", "logged in 1");
            assertThat(call(folder).getState()).isEqualTo(HealthCheck.State.UP);
        }

        assertThat(logins.get()).as("logins to the server").isEqualTo(1);
        assertThat(looks.get()).as("looks at the folder").isEqualTo(3);
    }

    private static HealthCheck.Result call(SinkHealthCheck check) {
        check.setCamelContext(new DefaultCamelContext());
        return check.call(Map.of());
    }
}
