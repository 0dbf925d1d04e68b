package dev.odoobridge.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

/**
 * The opaque {@code next} cursor: the sort's name and direction, the last row's sort value (typed)
 * and its id, base64url-encoded JSON. Never an offset: the next page starts strictly after that
 * (value, id) pair, so rows inserted or deleted between pages shift nothing.
 *
 * @param sort the sort parameter the page was read with
 * @param descending its direction
 * @param value the last row's sort value (String, Long, Double, Date or null)
 * @param id the last row's id
 */
record Cursor(String sort, boolean descending, Object value, long id) {

    String encode() {
        ArrayNode a = Json.MAPPER.createArrayNode().add(sort).add(descending ? "d" : "a");
        if (value == null) {
            a.add("n").addNull();
        } else if (value instanceof Date d) {
            a.add("t").add(d.getTime());
        } else if (value instanceof Long || value instanceof Integer) {
            a.add("l").add(((Number) value).longValue());
        } else if (value instanceof Number n) {
            a.add("f").add(n.doubleValue());
        } else if (value instanceof Boolean b) {
            a.add("b").add(b);
        } else {
            a.add("s").add(value.toString());
        }
        a.add(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String s) {
        try {
            JsonNode a = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(s));
            if (!a.isArray() || a.size() != 5) {
                throw ApiError.badRequest("cursor is not one this API issued");
            }
            Object value = switch (a.get(2).asText()) {
                case "n" -> null;
                case "t" -> new Date(a.get(3).asLong());
                case "l" -> a.get(3).asLong();
                case "f" -> a.get(3).asDouble();
                case "b" -> a.get(3).asBoolean();
                case "s" -> a.get(3).asText();
                default -> throw ApiError.badRequest("cursor is not one this API issued");
            };
            if (!a.get(4).canConvertToLong()) {
                throw ApiError.badRequest("cursor is not one this API issued");
            }
            return new Cursor(a.get(0).asText(), "d".equals(a.get(1).asText()), value, a.get(4).asLong());
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            throw ApiError.badRequest("cursor is not one this API issued");
        }
    }
}
