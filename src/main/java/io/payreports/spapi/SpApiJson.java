package io.payreports.spapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * JSON for SP-API, shared by the client and the simulator. Amounts are JSON numbers (the Finances
 * model's BigDecimal, "type: number"), so they are read as BigDecimal with their scale, never as double:
 * 10.50 stays 10.50 in the records and in the JSON columns.
 */
public final class SpApiJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private SpApiJson() {}

    public static JsonNode read(String json, String what) {
        try {
            return MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "unexpected answer from SP-API, not JSON (" + what + "): " + e.getMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON with every object's fields sorted by name: the same data gives the same text, whatever Amazon's field order. */
    public static String canonical(JsonNode node) {
        return write(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            new TreeMap<>(MAPPER.convertValue(node, new TypeReference<Map<String, JsonNode>>() {}))
                    .forEach((name, value) -> copy.set(name, sorted(value)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }

    /** The node as compact JSON text, or null for a missing or null node (a JSON column). */
    public static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : write(node);
    }
}
