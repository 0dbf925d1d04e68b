package dev.odoobridge.cli.config;

import java.util.List;

/** The configuration is unusable; the message lists every problem with its key and line. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super("invalid configuration in " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code "sources.shop.url (line 4): must start with http:// or https://"}. */
    public List<String> problems() {
        return problems;
    }
}
