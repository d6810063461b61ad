package io.sitroom.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's entry to the canonical JSON form: Jackson trees are turned into the plain values
 * that {@link CanonicalForm}, the one definition of the form, writes.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        return CanonicalForm.write(plain(node));
    }

    /**
     * A Jackson tree as plain values: integers as {@link java.math.BigInteger}, other numbers as
     * {@link java.math.BigDecimal} (a double by its shortest decimal), and anything that is not
     * JSON (binary, a wrapped object) as its text.
     */
    public static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        } else if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), plain(field.getValue()));
            }
            return fields;
        } else if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(plain(item));
            }
            return items;
        } else if (node.isTextual()) {
            return node.textValue();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        } else if (node.isNumber()) {
            return node.decimalValue();
        } else {
            return node.asText();
        }
    }
}
