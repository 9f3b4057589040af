package io.payreports.cli;

import io.payreports.amazonpay.AmazonPayApiException;
import io.payreports.amazonpay.AmazonPayJson;
import io.payreports.amazonpay.AmazonPayOperation;
import io.payreports.config.AmazonPayConnection;
import io.payreports.config.ConfigException;
import io.payreports.config.RuntimeClock;
import io.payreports.reports.ReportContext;
import io.payreports.spapi.SpApiOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "api",
        mixinStandardHelpOptions = true,
        description = {
            "Makes one signed call with the configured credentials and prints the JSON answer.",
            "Errors go to stderr with the HTTP status and Amazon's reasonCode.",
            "Without credentials the call goes to the built-in simulator (demo mode)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:Amazon answered with an error", "2:bad usage or configuration"})
public class ApiCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "OPERATION",
            description =
                    "e.g. getReports, getReportById, getReportDocument, createReport, getDisbursements; SP-API: listTransactions, getPaymentMethods, initiatePayout")
    String operation;

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUE",
            description = "A request parameter (path or query), repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--body", paramLabel = "FILE", description = "JSON request body for POST operations.")
    Path body;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description =
                    "x-amz-pay-idempotency-key of a POST; repeat a call with the same key to retry it without creating twice (default: a new key).")
    String idempotencyKey;

    @Option(
            names = "--account",
            paramLabel = "NAME",
            defaultValue = ReportContext.DEFAULT_ACCOUNT,
            description =
                    "The merchant account whose credentials sign the call (payreports.accounts.NAME.*; default ${DEFAULT-VALUE}: the single-account keys).")
    String account;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file (default: config/application.properties when present).")
    Path config;

    @Override
    public Integer call() throws IOException {
        Optional<AmazonPayOperation> amazonPay = AmazonPayOperation.named(operation);
        Optional<SpApiOperation> spApi = SpApiOperation.named(operation);
        if (spApi.isPresent()) {
            return new SpApiCall(spApi.get(), params, body, config, account).run();
        }
        if (amazonPay.isEmpty()) {
            System.err.println("api: unknown operation '" + operation + "'; Amazon Pay operations: "
                    + Arrays.stream(AmazonPayOperation.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + "; SP-API operations: "
                    + Arrays.stream(SpApiOperation.values()).map(Enum::name).collect(Collectors.joining(", ")));
            return 2;
        }
        String requestBody = body == null ? "" : Files.readString(body, StandardCharsets.UTF_8);
        try {
            try (AmazonPayConnection connection =
                    AmazonPayConnection.fromConfigFile(config, account, RuntimeClock.get())) {
                String answer = amazonPay.get().invoke(connection.client(), params, requestBody, idempotencyKey);
                System.out.println(
                        answer.isBlank()
                                ? "{}"
                                : AmazonPayJson.MAPPER
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(AmazonPayJson.MAPPER.readTree(answer)));
                return 0;
            }
        } catch (AmazonPayApiException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException
                | io.payreports.http.DeadlineExceededException
                | io.payreports.http.RedirectRefusedException e) {
            // the endpoint could not be reached or misbehaved: the message names it and why, a stack trace adds nothing
            System.err.println("api: " + e.getMessage());
            return 1;
        } catch (ConfigException e) {
            e.problems().forEach(problem -> System.err.println(problem));
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("api: " + e.getMessage());
            return 2;
        }
    }
}
