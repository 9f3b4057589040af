package io.payreports.config;

import io.payreports.jobs.RetryAfterPause;
import io.payreports.reports.ReportContext;
import io.payreports.spapi.SpApiPaymentMethods;
import io.payreports.spapi.SpApiTransactions;
import io.payreports.spapi.TransactionLedger;
import io.payreports.spapi.TransactionWindows;
import io.payreports.state.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/** The SP-API beans the spapi-finances.yaml templates refer to: {@code spApiTransactions}, {@code spApiPaymentMethods}. */
final class SpApiBeans {

    private SpApiBeans() {}

    /** The sources call with their job's account's client; a throttled page waits as {@code throttlePause} says. */
    static void bind(
            Registry registry,
            Accounts accounts,
            DataSource state,
            WatermarkStore watermarks,
            Clock clock,
            RetryAfterPause throttlePause) {
        SpApiSettings settings = accounts.spApiSettings(ReportContext.DEFAULT_ACCOUNT);
        TransactionWindows windows =
                new TransactionWindows(settings.lookback(), Duration.ofDays(settings.firstRunDays()));
        registry.bind(
                "spApiTransactions",
                new SpApiTransactions(
                        accounts::spApi, watermarks, new TransactionLedger(state), windows, clock, throttlePause));
        registry.bind("spApiPaymentMethods", new SpApiPaymentMethods(accounts::spApi, clock));
    }
}
