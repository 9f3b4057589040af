package io.payreports.amazonpay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reporting operations of Amazon Pay API v2 (Amazon Pay reports API reference): HTTP method and path under {@link AmazonPayConfig#apiBase()}. */
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
    /** Query parameters that are times: sent in Amazon's basic form whichever ISO form the operator wrote. */
    private static final Set<String> TIME_PARAMETERS = Set.of("createdSince", "createdUntil", "startTime", "endTime");

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
     * Calls the operation: parameters named in the path fill it, the others go to the query string,
     * times ({@code createdSince}, {@code startTime}, …) rewritten in Amazon's basic form.
     *
     * @throws IllegalArgumentException when a path parameter is missing or a time is not ISO 8601
     */
    public String invoke(AmazonPayClient client, Map<String, String> parameters, String body, String idempotencyKey) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.replaceAll((name, value) -> TIME_PARAMETERS.contains(name) ? basicTime(name, value) : value);
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
            throw new IllegalArgumentException(
                    name() + " needs --param " + String.join("=..., --param ", missing) + "=...");
        }
        String key =
                idempotencyKey != null || !method.equals("POST") ? idempotencyKey : AmazonPayClient.newIdempotencyKey();
        return client.call(name(), method, path.toString(), query, body == null ? "" : body, key);
    }

    private static String basicTime(String name, String value) {
        try {
            return AmazonPayDates.basic(AmazonPayDates.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
