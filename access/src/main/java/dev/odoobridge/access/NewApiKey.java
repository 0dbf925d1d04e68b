package dev.odoobridge.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What to create a key for. Build with {@link #builder(String)}.
 *
 * @param source the source the key reads
 * @param vendorPartnerId the vendor partner it is limited to, if any
 * @param resources allowed tables or resources; empty = all
 * @param corsOrigins browser origins allowed to use the key, as {@code scheme://host[:port]}
 * @param label who or what the key is for
 */
public record NewApiKey(String source, OptionalLong vendorPartnerId, Set<String> resources, List<String> corsOrigins,
                        String label) {

    /** Validates and copies. */
    public NewApiKey {
        Objects.requireNonNull(source, "source == null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank");
        }
        Objects.requireNonNull(vendorPartnerId, "vendorPartnerId == null");
        if (vendorPartnerId.isPresent() && vendorPartnerId.getAsLong() <= 0) {
            throw new IllegalArgumentException("vendor partner id must be positive: " + vendorPartnerId.getAsLong());
        }
        resources = Set.copyOf(Objects.requireNonNull(resources, "resources == null"));
        for (String r : resources) {
            if (r.isBlank()) {
                throw new IllegalArgumentException("blank resource name in " + resources);
            }
        }
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins == null"));
        for (String o : corsOrigins) {
            if (!o.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("CORS origin must be scheme://host[:port] without a path: " + o);
            }
        }
        label = label == null ? "" : label;
    }

    /** A builder for a key of one source. */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Builds a {@link NewApiKey}. */
    public static final class Builder {
        private final String source;
        private OptionalLong vendor = OptionalLong.empty();
        private final Set<String> resources = new LinkedHashSet<>();
        private final List<String> origins = new ArrayList<>();
        private String label = "";

        private Builder(String source) {
            this.source = Objects.requireNonNull(source, "source == null");
        }

        /** Limits the key to one vendor partner's products. */
        public Builder vendor(long partnerId) {
            this.vendor = OptionalLong.of(partnerId);
            return this;
        }

        /** Limits the key to these tables or resources (adds to earlier calls). */
        public Builder resources(Iterable<String> names) {
            names.forEach(n -> resources.add(Objects.requireNonNull(n, "resource == null").trim()));
            return this;
        }

        /** Allows browser calls from these origins (adds to earlier calls). */
        public Builder corsOrigins(Iterable<String> o) {
            o.forEach(x -> origins.add(Objects.requireNonNull(x, "origin == null").trim()));
            return this;
        }

        /** Says who or what the key is for. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** The validated request. */
        public NewApiKey build() {
            return new NewApiKey(source, vendor, resources, origins, label);
        }
    }
}
