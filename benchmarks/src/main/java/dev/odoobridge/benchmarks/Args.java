package dev.odoobridge.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of one benchmark command. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + a + "'");
            }
            values.put(a.substring(2), args.get(++i));
        }
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", "").replace(",", ""));
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }
}
