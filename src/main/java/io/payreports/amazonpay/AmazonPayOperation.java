package io.payreports.amazonpay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reporting operations of Amazon Pay API v2 (seed 000): HTTP method and path under /{env}/v2. */
public enum AmazonPayOperation {
    getReports("GET", "/reports"),
    getReportById("GET", "/reports/{reportId}"),
    getReportDocument("GET", "/report-documents/{reportDocumentId}"),
    createReport("POST", "/reports"),
    getReportSchedules("GET", "/report-schedules"),
    getReportScheduleById("GET", "/report-schedules/{reportScheduleId}"),
    createReportSchedule("POST", "/report-schedules"),
    cancelReportSchedule("DELETE", "/report-schedules/{reportScheduleId}"),
    getDisbursements("GET", "/disbursements");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    private final String method;
    private final String pathTemplate;

    AmazonPayOperation(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    public static Optional<AmazonPayOperation> named(String name) {
        for (AmazonPayOperation operation : values()) {
            if (operation.name().equals(name)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    public String method() {
        return method;
    }

    /**
     * Calls the operation: parameters named in the path fill it, the others go to the query string.
     *
     * @throws IllegalArgumentException when a path parameter is missing
     */
    public String invoke(AmazonPayClient client, Map<String, String> parameters, String body, String idempotencyKey) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        Matcher matcher = PATH_PARAMETER.matcher(pathTemplate);
        StringBuilder path = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (matcher.find()) {
            String value = query.remove(matcher.group(1));
            if (value == null) {
                missing.add(matcher.group(1));
                value = "";
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(CanonicalRequest.encode(value)));
        }
        matcher.appendTail(path);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name() + " needs --param " + String.join("=..., --param ", missing) + "=...");
        }
        String key = idempotencyKey != null || !method.equals("POST") ? idempotencyKey : AmazonPayClient.newIdempotencyKey();
        return client.call(name(), method, path.toString(), query, body == null ? "" : body, key);
    }
}
