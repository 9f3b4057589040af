package io.payreports.cli;

import io.payreports.amazonpay.AmazonPayJson;
import io.payreports.config.ConfigException;
import io.payreports.config.ConfigFiles;
import io.payreports.config.DataSources;
import io.payreports.config.RuntimeClock;
import io.payreports.config.SpApiConnection;
import io.payreports.spapi.PayoutGuard;
import io.payreports.spapi.PayoutRefusedException;
import io.payreports.spapi.SpApiException;
import io.payreports.spapi.SpApiJson;
import io.payreports.spapi.SpApiOperation;
import io.payreports.spapi.SpApiPayouts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code api listTransactions|getPaymentMethods|initiatePayout}: one SP-API call with the configured
 * LWA credentials. listTransactions and getPaymentMethods take their query as {@code --param}s
 * (getPaymentMethods is a GET with {@code marketplaceId} and {@code paymentMethodTypes} in the
 * Transfers API v2024-06-01 model), and initiatePayout goes through the same allow-list and 24-hour
 * guard as any payout: {@code --param marketplaceId=... --param accountType=...}.
 */
final class SpApiCall {

    private final SpApiOperation operation;
    private final Map<String, String> params;
    private final Path body;
    private final Path config;
    private final String account;

    SpApiCall(SpApiOperation operation, Map<String, String> params, Path body, Path config, String account) {
        this.account = account;
        this.operation = operation;
        this.params = params;
        this.body = body;
        this.config = config;
    }

    int run() throws IOException {
        try (SpApiConnection connection = SpApiConnection.fromConfigFile(config, account, RuntimeClock.get())) {
            String answer = switch (operation) {
                case listTransactions, getPaymentMethods -> query(connection);
                case initiatePayout -> payout(connection);
            };
            System.out.println(AmazonPayJson.MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SpApiJson.read(answer, operation.name())));
            return 0;
        } catch (SpApiException | PayoutRefusedException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException
                | io.payreports.http.DeadlineExceededException
                | io.payreports.http.RedirectRefusedException e) {
            // the endpoint could not be reached or misbehaved: the message names it and why, a stack trace adds nothing
            System.err.println("api: " + e.getMessage());
            return 1;
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("api: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            System.err.println("api: state database: " + e.getMessage());
            return 2;
        }
    }

    private String query(SpApiConnection connection) {
        if (body != null) {
            throw new IllegalArgumentException(
                    operation + " is a GET: give its query as --param name=value, not --body");
        }
        return connection.client().call(operation, new LinkedHashMap<>(params), "");
    }

    private String payout(SpApiConnection connection) throws SQLException {
        String marketplaceId = params.get("marketplaceId");
        String accountType = params.get("accountType");
        if (marketplaceId == null || accountType == null) {
            throw new IllegalArgumentException(
                    "initiatePayout needs --param marketplaceId=... --param accountType=...");
        }
        // the runtime's state database: the guard there remembers the last payout of each pair
        String stateUrl =
                ConfigFiles.readSettings(ConfigFiles.operatorConfig(config)).stateJdbcUrl();
        try (DataSources dataSources = new DataSources()) {
            SpApiPayouts payouts = new SpApiPayouts(
                    connection::client,
                    new PayoutGuard(dataSources.forUrl(stateUrl), account),
                    connection.settings().payoutTargets(),
                    RuntimeClock.get());
            return SpApiJson.write(Map.of("payoutReferenceId", payouts.initiate(marketplaceId, accountType)));
        }
    }
}
