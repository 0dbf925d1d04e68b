package dev.odoobridge.sync.webhook.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Validates an Odoo webhook body: a JSON object with a string {@code _model} and a positive
 * integer {@code _id}. The action is derived from {@code _action} ("<rule name>(#<rule id>)") and
 * {@code active}; it is a hint only, the processor re-reads the record anyway.
 */
final class PayloadParser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
            .build();

    private final Set<String> models;

    PayloadParser(Set<String> models) {
        this.models = Set.copyOf(models);
    }

    ParsedPost parse(byte[] body) throws Rejection {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Rejection(400, "body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new Rejection(400, "body could not be read as JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Rejection(400, "body must be a JSON object with _model and _id");
        }
        JsonNode model = root.get("_model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new Rejection(400, "_model must be a non-empty string (the Odoo model name)");
        }
        JsonNode id = root.get("_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
            throw new Rejection(400, "_id must be a positive integer (the Odoo record id)");
        }
        checkStorable(root);
        if (!models.contains(model.asText())) {
            throw new Rejection(422, "model '" + abbreviate(model.asText()) + "' is not synced by this receiver");
        }
        try {
            return new ParsedPost(model.asText(), id.asLong(), action(root), JSON.writeValueAsString(root));
        } catch (JacksonException e) {
            throw new Rejection(400, "body could not be re-encoded: " + e.getOriginalMessage());
        }
    }

    private static String action(JsonNode root) {
        JsonNode action = root.get("_action");
        if (action != null && action.isTextual() && action.asText().contains("unlink")) {
            return "unlink";
        }
        JsonNode active = root.get("active");
        if (active != null && active.isBoolean() && !active.asBoolean()) {
            return "archive";
        }
        return "create_or_write";
    }

    /** PostgreSQL's jsonb cannot hold NUL characters or unpaired surrogates; refuse them up front. */
    private static void checkStorable(JsonNode node) throws Rejection {
        if (node.isTextual()) {
            checkText(node.asText());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkText(e.getKey());
                checkStorable(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                checkStorable(child);
            }
        }
    }

    private static void checkText(String text) throws Rejection {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new Rejection(400, "body contains a NUL character (\\u0000), which cannot be stored");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new Rejection(400, "body contains an unpaired UTF-16 surrogate, which cannot be stored");
            }
            if (Character.isLowSurrogate(c)) {
                throw new Rejection(400, "body contains an unpaired UTF-16 surrogate, which cannot be stored");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
