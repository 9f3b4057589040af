package io.payreports.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the watermark store promises on every database; subclasses bring the database. */
abstract class WatermarkStoreContract {

    private static final Instant MONDAY = Instant.parse("2024-03-04T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2024-03-05T00:00:00Z");

    abstract DataSource dataSource();

    @Test
    void aNewJobHasNoWatermark() throws Exception {
        assertThat(new WatermarkStore(dataSource()).get("never-ran")).isEmpty();
    }

    @Test
    void advancesForward() throws Exception {
        WatermarkStore store = new WatermarkStore(dataSource());
        store.advance("settlements", MONDAY);
        store.advance("settlements", TUESDAY.plusNanos(123_456_000));

        assertThat(store.get("settlements")).contains(TUESDAY.plusNanos(123_456_000));
    }

    @Test
    void neverMovesBackwards() throws Exception {
        WatermarkStore store = new WatermarkStore(dataSource());
        store.advance("settlements", TUESDAY);
        store.advance("settlements", MONDAY);
        store.advance("settlements", TUESDAY);

        assertThat(store.get("settlements")).contains(TUESDAY);
    }

    @Test
    void jobsAreIndependentAndSurviveANewStore() throws Exception {
        new WatermarkStore(dataSource()).advance("settlements", TUESDAY);
        new WatermarkStore(dataSource()).advance("transactions", MONDAY);

        WatermarkStore restarted = new WatermarkStore(dataSource());
        assertThat(restarted.get("settlements")).contains(TUESDAY);
        assertThat(restarted.get("transactions")).contains(MONDAY);
    }
}
