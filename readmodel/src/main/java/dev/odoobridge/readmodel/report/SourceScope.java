package dev.odoobridge.readmodel.report;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every product of one or more sources, with or without vendors: the shop's own view of its reports.
 * Never hand one to a vendor; vendors get a {@link VendorScope}.
 *
 * @param sources source names (non-empty, none blank)
 */
public record SourceScope(Set<String> sources) implements ReportScope {
    public SourceScope {
        Objects.requireNonNull(sources, "sources == null");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a source scope needs at least one source");
        }
        for (String s : sources) {
            Objects.requireNonNull(s, "source == null");
            if (s.isBlank()) {
                throw new IllegalArgumentException("blank source name in source scope");
            }
        }
        sources = Set.copyOf(new TreeSet<>(sources));
    }

    /** The scope of one source. */
    public static SourceScope of(String source) {
        return new SourceScope(Set.of(Objects.requireNonNull(source, "source == null")));
    }

    /** The scope of several sources. */
    public static SourceScope of(Collection<String> sources) {
        return new SourceScope(Set.copyOf(sources));
    }
}
