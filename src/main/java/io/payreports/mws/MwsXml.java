package io.payreports.mws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML of the MWS Reports API (Amazon Pay settlement and transaction reports guide), read with Jackson. Values are trimmed and normalized on
 * the way in: Amazon's own samples show report types wrapped in whitespace, and even
 * {@code GET FLAT FILE OFFAMAZONPAYMENTS SETTLEMENT DATA} and {@code  DONE } without underscores.
 */
final class MwsXml {

    private static final XmlMapper XML = (XmlMapper) new XmlMapper()
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final DateTimeFormatter XS_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter(Locale.ROOT);

    private MwsXml() {}

    /**
     * The {@code <ActionResult>} of the answer to {@code action}: the root must be {@code <ActionResponse>}
     * and hold it, or the call fails naming what was missing. An answer we do not recognise must never
     * read as "no reports".
     */
    static Result result(String action, String xml) {
        String root = rootElement(action, xml);
        if (!root.equals(action + "Response")) {
            throw malformed(action, "the answer's root element is <" + root + ">, not <" + action + "Response>");
        }
        JsonNode result;
        try {
            result = XML.readTree(xml).get(action + "Result");
        } catch (IOException e) {
            throw malformed(action, "unreadable XML answer: " + e.getMessage());
        }
        if (result == null) {
            throw malformed(action, "the answer has no <" + action + "Result> element");
        }
        if (!result.isObject()) {
            // <ActionResult/>: Amazon leaves out what is empty
            return new Result(null, null, null, null, null);
        }
        try {
            return XML.treeToValue(result, Result.class);
        } catch (IOException e) {
            throw malformed(action, "unreadable <" + action + "Result>: " + e.getMessage());
        }
    }

    private static String rootElement(String action, String xml) {
        try {
            XMLStreamReader reader = XML.getFactory().getXMLInputFactory().createXMLStreamReader(new StringReader(xml));
            try {
                reader.nextTag();
                return reader.getLocalName();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(action, "the answer is not XML: " + e.getMessage());
        }
    }

    private static MwsApiException malformed(String action, String what) {
        return new MwsApiException(200, "MalformedResponse", action + ": " + what, false);
    }

    /** {@code <ErrorResponse><Error><Code>…</Code><Message>…</Message></Error>}, or null when the body is not one. */
    static Error error(String xml) {
        try {
            JsonNode error = XML.readTree(xml).path("Error");
            return error.isMissingNode()
                    ? null
                    : new Error(
                            text(error.path("Code").asText()),
                            text(error.path("Message").asText()));
        } catch (IOException e) {
            return null;
        }
    }

    record Error(String code, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(
            @JsonProperty("NextToken") String nextToken,
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
    record RequestInfo(
            @JsonProperty("ReportRequestId") String reportRequestId,
            @JsonProperty("ReportType") String reportType,
            @JsonProperty("StartDate") String startDate,
            @JsonProperty("EndDate") String endDate,
            @JsonProperty("SubmittedDate") String submittedDate,
            @JsonProperty("ReportProcessingStatus") String status,
            @JsonProperty("GeneratedReportId") String generatedReportId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportInfo(
            @JsonProperty("ReportId") String reportId,
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

    /**
     * An {@code xs:dateTime}: with {@code Z}, an offset, or none at all, which MWS means as UTC (Amazon's
     * MWS client library mocks send {@code 2007-10-25T23:36:28}); fractions of a second are kept.
     */
    static Instant instant(String element, String value) {
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return XS_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw new MwsApiException(
                    200, "MalformedResponse", element + " '" + text + "' is not an xs:dateTime", false);
        }
    }
}
