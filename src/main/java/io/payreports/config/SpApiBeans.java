package io.payreports.config;

import io.payreports.spapi.PayoutGuard;
import io.payreports.spapi.SpApiPaymentMethods;
import io.payreports.spapi.SpApiPayouts;
import io.payreports.spapi.SpApiTransactions;
import io.payreports.spapi.TransactionLedger;
import io.payreports.spapi.TransactionWindows;
import io.payreports.state.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/** The SP-API beans the spapi-finances.yaml templates refer to: {@code spApiTransactions}, {@code spApiPaymentMethods}, {@code spApiPayouts}. */
final class SpApiBeans {

    private SpApiBeans() {}

    static void bind(
            Registry registry, SpApiConnection connection, DataSource state, WatermarkStore watermarks, Clock clock) {
        SpApiSettings settings = connection.settings();
        TransactionWindows windows =
                new TransactionWindows(settings.lookback(), Duration.ofDays(settings.firstRunDays()));
        registry.bind(
                "spApiTransactions",
                new SpApiTransactions(connection::client, watermarks, new TransactionLedger(state), windows, clock));
        registry.bind("spApiPaymentMethods", new SpApiPaymentMethods(connection::client, clock));
        registry.bind(
                "spApiPayouts",
                new SpApiPayouts(connection::client, new PayoutGuard(state), settings.payoutTargets(), clock));
    }
}
