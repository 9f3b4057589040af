package io.payreports.spapi.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Amazon's own OpenAPI models of the SP-API operations payreports calls (vendored under
 * src/test/resources/amazon-models, see PROVENANCE.md), as validators of requests and responses.
 */
public final class SpApiModels {

    public static final String FINANCES = "amazon-models/finances_2024-06-19.json";
    public static final String TRANSFERS = "amazon-models/transfers_2024-06-01.json";

    private static final OpenApiInteractionValidator FINANCES_VALIDATOR = validator(FINANCES);
    private static final OpenApiInteractionValidator TRANSFERS_VALIDATOR = validator(TRANSFERS);

    private SpApiModels() {}

    /** Parses the models now (class initialisation; seconds on a busy machine) rather than inside a first exchange, where it would time out. */
    static void load() {
        // the static fields above did it
    }

    /** What breaks the model in a request (method, path, query parameters, body), or an empty list. */
    public static List<String> requestViolations(
            String method, String path, String rawQuery, String contentType, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        query(rawQuery).forEach(request::withQueryParam);
        if (contentType != null) {
            request.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return messages(model(path).validateRequest(request.build()));
    }

    /** What breaks the model in a response of the operation at method and path, or an empty list. */
    public static List<String> responseViolations(
            String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        return messages(model(path).validateResponse(path, Request.Method.valueOf(method), response.build()));
    }

    private static OpenApiInteractionValidator model(String path) {
        return path.startsWith("/finances/transfers/") ? TRANSFERS_VALIDATOR : FINANCES_VALIDATOR;
    }

    private static OpenApiInteractionValidator validator(String resource) {
        URL model = Objects.requireNonNull(SpApiModels.class.getClassLoader().getResource(resource), resource);
        // the models leave additionalProperties open, as a tolerant reader must (Amazon adds fields); the
        // validator would otherwise close every object, which also breaks the models' allOf contexts
        return OpenApiInteractionValidator.createForSpecificationUrl(model.toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Error messages, one per kind and place (array indexes folded: a broken field of 100 transactions is one message). */
    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage().replaceAll("/\\d+(?=/|')", "/*"))
                .distinct()
                .toList();
    }

    /** Decoded query parameters, values in order, repeated names kept. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters
                        .computeIfAbsent(
                                URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                        .add(nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
