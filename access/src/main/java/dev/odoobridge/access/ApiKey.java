package dev.odoobridge.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A stored API key, without its secret (which is never kept).
 *
 * @param id the public key id (part of the token; safe to log and show)
 * @param source the source the key reads
 * @param vendorPartnerId the vendor partner it is limited to, if any
 * @param resources allowed tables or resources; empty = all
 * @param corsOrigins browser origins allowed to use the key (CORS); empty = none beyond the server's own list
 * @param label a free text saying who or what the key is for
 * @param createdAt creation time
 * @param revokedAt revocation time, if revoked
 * @param lastUsedAt last successful use, if any (recorded with a resolution of a minute)
 */
public record ApiKey(String id, String source, OptionalLong vendorPartnerId, Set<String> resources,
                     List<String> corsOrigins, String label, Instant createdAt, Optional<Instant> revokedAt,
                     Optional<Instant> lastUsedAt) {

    /** Validates and copies. */
    public ApiKey {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(vendorPartnerId, "vendorPartnerId == null");
        resources = Set.copyOf(Objects.requireNonNull(resources, "resources == null"));
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins == null"));
        label = label == null ? "" : label;
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(revokedAt, "revokedAt == null");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt == null");
    }

    /** Whether the key still opens anything. */
    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    /** What a request made with this key may read. */
    public ApiScope scope() {
        return new ApiScope(source, vendorPartnerId, resources);
    }
}
