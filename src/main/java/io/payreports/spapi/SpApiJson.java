package io.payreports.spapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON for SP-API, shared by the client and the simulator. Amounts are JSON numbers (seed 002:
 * BigDecimal "type: number"), so they are read as BigDecimal with their scale, never as double:
 * 10.50 stays 10.50 in the records and in the JSON columns.
 */
public final class SpApiJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private SpApiJson() {
    }

    public static JsonNode read(String json, String what) {
        try {
            return MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from SP-API, not JSON (" + what + "): " + e.getMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node as compact JSON text, or null for a missing or null node (a JSON column). */
    public static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : write(node);
    }
}
