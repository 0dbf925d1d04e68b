package dev.odoobridge.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML into {@link ConfigNode}s with line numbers, interpolating {@code ${VAR}} and
 * {@code ${VAR:-default}} in scalar values from the environment. Problems are collected, not thrown one by one.
 */
final class YamlReader {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
    private static final int MAX_DEPTH = 32;

    private final Function<String, String> env;
    private final List<String> problems;

    YamlReader(Function<String, String> env, List<String> problems) {
        this.env = env;
        this.problems = problems;
    }

    ConfigNode read(String yaml, String sourceName) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return ConfigNode.emptyMap("", 1);
            }
            if (t != JsonToken.START_OBJECT) {
                problems.add("the top level of " + sourceName + " must be a mapping of keys (line "
                        + line(p) + ")");
                return ConfigNode.emptyMap("", 1);
            }
            return readValue(p, "", 0);
        } catch (JsonProcessingException e) {
            problems.add("not valid YAML (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
            return ConfigNode.emptyMap("", 1);
        } catch (IOException e) {
            problems.add("cannot read " + sourceName + ": " + e.getMessage());
            return ConfigNode.emptyMap("", 1);
        }
    }

    private ConfigNode readValue(JsonParser p, String path, int depth) throws IOException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw new JsonProcessingException("nesting deeper than " + MAX_DEPTH + " levels", p.currentLocation()) {
            };
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, ConfigNode> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String childPath = path.isEmpty() ? key : path + "." + key;
                p.nextToken();
                ConfigNode child = readValue(p, childPath, depth + 1);
                if (map.put(key, child) != null) {
                    problems.add(child.where() + ": key given twice");
                }
            }
            return new ConfigNode(path, line, map);
        }
        if (t == JsonToken.START_ARRAY) {
            List<ConfigNode> list = new ArrayList<>();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(p, path + "[" + i++ + "]", depth + 1));
            }
            return new ConfigNode(path, line, list);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new ConfigNode(path, line, null);
        }
        return new ConfigNode(path, line, interpolate(p.getText(), path, line));
    }

    private String interpolate(String text, String path, int line) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                value = m.group(3);
            }
            if (value == null) {
                problems.add(path + " (line " + line + "): environment variable " + m.group(1)
                        + " is not set (export it, or write ${" + m.group(1) + ":-default})");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
