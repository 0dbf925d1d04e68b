package dev.odoobridge.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written: a scalar (String, or null for an empty
 * value), a map or a list, with its dotted path and line.
 *
 * @param path dotted key path, e.g. {@code sources.shop.url} (list items as {@code [i]})
 * @param line 1-based line in the file
 * @param value String, null, {@code Map<String, ConfigNode>} or {@code List<ConfigNode>}
 */
record ConfigNode(String path, int line, Object value) {

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    @SuppressWarnings("unchecked")
    Map<String, ConfigNode> map() {
        return value instanceof Map<?, ?> m ? (Map<String, ConfigNode>) m : Collections.emptyMap();
    }

    @SuppressWarnings("unchecked")
    List<ConfigNode> list() {
        return value instanceof List<?> l ? (List<ConfigNode>) l : List.of();
    }

    String where() {
        return path + " (line " + line + ")";
    }

    static ConfigNode emptyMap(String path, int line) {
        return new ConfigNode(path, line, new LinkedHashMap<String, ConfigNode>());
    }
}
