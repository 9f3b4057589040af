package io.payreports.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool gives back exactly what was appended: every digit and the scale, nanoseconds, nulls, order. */
class RecordSpoolTest {

    @TempDir
    Path dir;

    @Test
    void recordsComeBackExactlyInTheOrderTheyWereAppended() throws Exception {
        List<Object[]> appended = List.of(
                new Object[] {
                    "a",
                    "USD",
                    new BigDecimal("1000.00"),
                    Instant.parse("2024-01-01T10:15:30.123456789Z"),
                    3L,
                    "Grüße, \"x\"\n"
                },
                new Object[] {
                    "b", "EUR", new BigDecimal("-0.30"), Instant.parse("1969-12-31T23:59:59Z"), Long.MIN_VALUE, ""
                },
                new Object[] {"c", "JPY", new BigDecimal("1E+3"), null, null, null},
                new Object[] {
                    "d", null, new BigDecimal("-123456789012345678901234567890.123456789"), Instant.EPOCH, -1L, null
                });

        try (RecordSpool spool = RecordSpool.create(dir.resolve("spool"), TestRecord.LAYOUT.columns())) {
            for (Object[] values : appended) {
                spool.append(values);
            }
            spool.finish();

            assertThat(spool.count()).isEqualTo(4);
            assertThat(readAll(spool)).containsExactlyElementsOf(appended); // BigDecimal.equals: the scale too
            assertThat(readAll(spool))
                    .as("a second pass, as a sink's retry reads it")
                    .containsExactlyElementsOf(appended);
        }
    }

    @Test
    void valuesAcrossBufferBoundariesAndLongerThanABufferComeBackWhole() throws Exception {
        List<Object[]> appended = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String note = i % 1_000 == 7 ? "Ü".repeat(70_000 + i) : "note ü " + "x".repeat(i % 300);
            appended.add(new Object[] {
                "id-" + i, "EUR", new BigDecimal(i).movePointLeft(2), Instant.ofEpochSecond(i, i), (long) i, note
            });
        }
        try (RecordSpool spool = RecordSpool.create(dir, TestRecord.LAYOUT.columns())) {
            for (Object[] values : appended) {
                spool.append(values);
            }
            spool.finish();

            assertThat(readAll(spool)).containsExactlyElementsOf(appended);
        }
    }

    @Test
    void longsIntsAndTheLastValueAcrossTheBufferEdgeAtEveryOffsetComeBackWhole() throws Exception {
        // the id's length moves the timestamp's long and int, the quantity and the note's last bytes across the
        // 64 KiB buffer edge one byte at a time, where a value must be split between two buffers
        for (int length = 65_495; length <= 65_540; length++) {
            Object[] record = {
                "x".repeat(length), null, null, Instant.ofEpochSecond(length, length), (long) length, "end"
            };
            try (RecordSpool spool = RecordSpool.create(dir, TestRecord.LAYOUT.columns())) {
                spool.append(record);
                spool.finish();

                assertThat(readAll(spool)).as("id of %d characters", length).containsExactly(record);
            }
        }
    }

    @Test
    void aSpoolCutShortFailsInsteadOfGivingBackLessThanWasAppended() throws Exception {
        try (RecordSpool spool = RecordSpool.create(dir, TestRecord.LAYOUT.columns())) {
            spool.append(new Object[] {"a", "USD", new BigDecimal("12.50"), null, 7L, "Ü".repeat(40_000)});
            spool.finish();
            Path file = spoolFiles().get(0);
            byte[] bytes = Files.readAllBytes(file);

            Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
            assertThatThrownBy(() -> readAll(spool))
                    .isInstanceOf(EOFException.class)
                    .hasMessage("spool ends inside a value");

            Files.write(file, Arrays.copyOf(bytes, 20));
            assertThatThrownBy(() -> readAll(spool))
                    .isInstanceOf(EOFException.class)
                    .hasMessage("spool ends inside a record");
        }
    }

    @Test
    void anEmptySpoolReadsAsNoRecords() throws Exception {
        try (RecordSpool spool = RecordSpool.create(dir, TestRecord.LAYOUT.columns())) {
            spool.finish();

            assertThat(spool.count()).isZero();
            assertThat(readAll(spool)).isEmpty();
        }
    }

    @Test
    void closingDeletesTheSpoolFile() throws Exception {
        RecordSpool spool = RecordSpool.create(dir, TestRecord.LAYOUT.columns());
        spool.append(new Object[] {"a", "USD", BigDecimal.ONE, null, null, null});
        assertThat(spoolFiles()).hasSize(1);

        spool.close();

        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void leftoversOfAKilledRunAreDeletedAndOtherFilesKept() throws Exception {
        RecordSpool.create(dir, TestRecord.LAYOUT.columns()).finish(); // never closed: a killed run
        Files.writeString(dir.resolve("notes.txt"), "keep");

        RecordSpool.deleteLeftovers(dir);
        RecordSpool.deleteLeftovers(dir.resolve("absent")); // nothing spooled yet: no error

        assertThat(spoolFiles()).isEmpty();
        assertThat(dir.resolve("notes.txt")).hasContent("keep");
    }

    private static List<Object[]> readAll(RecordSpool spool) throws Exception {
        List<Object[]> records = new ArrayList<>();
        try (RecordSpool.Reader reader = spool.read()) {
            for (Object[] values = reader.next(); values != null; values = reader.next()) {
                records.add(values);
            }
        }
        return records;
    }

    private List<Path> spoolFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".spool"))
                    .toList();
        }
    }
}
