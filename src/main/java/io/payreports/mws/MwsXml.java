package io.payreports.mws;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

/**
 * The XML of the MWS Reports API (seed 003), read with Jackson. Values are trimmed and normalized on
 * the way in: Amazon's own samples show report types wrapped in whitespace, and even
 * {@code GET FLAT FILE OFFAMAZONPAYMENTS SETTLEMENT DATA} and {@code  DONE } without underscores.
 */
final class MwsXml {

    private static final XmlMapper XML = (XmlMapper) new XmlMapper()
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MwsXml() {
    }

    /** The {@code <…Result>} element of any action's answer. */
    static Result result(String xml) {
        try {
            JsonNode root = XML.readTree(xml);
            for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().endsWith("Result")) {
                    return XML.treeToValue(field.getValue(), Result.class);
                }
            }
            throw new MwsApiException(200, "MalformedResponse", "no Result element in the answer", false);
        } catch (IOException e) {
            throw new MwsApiException(200, "MalformedResponse", "unreadable XML answer: " + e.getMessage(), false);
        }
    }

    /** {@code <ErrorResponse><Error><Code>…</Code><Message>…</Message></Error>}, or null when the body is not one. */
    static Error error(String xml) {
        try {
            JsonNode error = XML.readTree(xml).path("Error");
            return error.isMissingNode() ? null : new Error(text(error.path("Code").asText()), text(error.path("Message").asText()));
        } catch (IOException e) {
            return null;
        }
    }

    record Error(String code, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(@JsonProperty("NextToken") String nextToken,
                  @JsonProperty("HasNext") String hasNext,
                  @JsonProperty("Count") String count,
                  @JsonProperty("ReportRequestInfo") List<RequestInfo> requests,
                  @JsonProperty("ReportInfo") List<ReportInfo> reports) {

        boolean more() {
            return "true".equalsIgnoreCase(text(hasNext)) && !text(nextToken).isEmpty();
        }

        List<RequestInfo> requestsOrEmpty() {
            return requests == null ? List.of() : requests;
        }

        List<ReportInfo> reportsOrEmpty() {
            return reports == null ? List.of() : reports;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RequestInfo(@JsonProperty("ReportRequestId") String reportRequestId,
                       @JsonProperty("ReportType") String reportType,
                       @JsonProperty("StartDate") String startDate,
                       @JsonProperty("EndDate") String endDate,
                       @JsonProperty("SubmittedDate") String submittedDate,
                       @JsonProperty("ReportProcessingStatus") String status,
                       @JsonProperty("GeneratedReportId") String generatedReportId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportInfo(@JsonProperty("ReportId") String reportId,
                      @JsonProperty("ReportType") String reportType,
                      @JsonProperty("ReportRequestId") String reportRequestId,
                      @JsonProperty("AvailableDate") String availableDate,
                      @JsonProperty("Acknowledged") String acknowledged) {

        boolean isAcknowledged() {
            return "true".equalsIgnoreCase(text(acknowledged));
        }
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** {@code GET FLAT FILE … DATA} → {@code _GET_FLAT_FILE_…_DATA_}; a proper name stays as it is. */
    static String reportType(String value) {
        String type = text(value);
        return type.startsWith("_") ? type : "_" + type.replaceAll("\\s+", "_").toUpperCase(Locale.ROOT) + "_";
    }

    /** {@code _DONE_}, {@code DONE} and {@code  DONE } alike → {@code DONE}; {@code _DONE_NO_DATA_} → {@code DONE_NO_DATA}. */
    static String status(String value) {
        String status = text(value);
        while (status.startsWith("_")) {
            status = status.substring(1);
        }
        while (status.endsWith("_")) {
            status = status.substring(0, status.length() - 1);
        }
        return status.strip().replaceAll("\\s+", "_").toUpperCase(Locale.ROOT);
    }

    static Instant instant(String value) {
        String text = text(value);
        return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    }
}
