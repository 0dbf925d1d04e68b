package dev.odoobridge.readmodel.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The products a vendor may see: per source, the res.partner ids the vendor is linked to. Every
 * vendor-facing report takes one and returns only products having one of those partners as a
 * vendor (product.supplierinfo) in that source. A scope is never empty: there is no "all vendors".
 *
 * @param partnersBySource source name → partner ids (each set non-empty, ids positive)
 */
public record VendorScope(Map<String, Set<Long>> partnersBySource) implements ReportScope {
    public VendorScope {
        Objects.requireNonNull(partnersBySource, "partnersBySource == null");
        if (partnersBySource.isEmpty()) {
            throw new IllegalArgumentException("a vendor scope needs at least one source with partner ids");
        }
        Map<String, Set<Long>> copy = new LinkedHashMap<>();
        partnersBySource.forEach((source, ids) -> {
            Objects.requireNonNull(source, "source == null");
            Objects.requireNonNull(ids, "partner ids of source '" + source + "' == null");
            if (source.isBlank()) {
                throw new IllegalArgumentException("blank source name in vendor scope");
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("no partner ids for source '" + source + "' in vendor scope");
            }
            for (Long id : ids) {
                if (id == null || id <= 0) {
                    throw new IllegalArgumentException("partner ids must be positive, got " + id + " for source '" + source + "'");
                }
            }
            copy.put(source, Set.copyOf(new TreeSet<>(ids)));
        });
        partnersBySource = Map.copyOf(copy);
    }

    /** A scope of partner ids in one source. */
    public static VendorScope of(String source, Collection<Long> partnerIds) {
        Objects.requireNonNull(partnerIds, "partnerIds == null");
        return new VendorScope(Map.of(source, Set.copyOf(partnerIds)));
    }

    /** This scope plus partner ids in another (or the same) source. */
    public VendorScope and(String source, Collection<Long> partnerIds) {
        Map<String, Set<Long>> merged = new LinkedHashMap<>(partnersBySource);
        Set<Long> ids = new TreeSet<>(merged.getOrDefault(source, Set.of()));
        ids.addAll(partnerIds);
        merged.put(source, ids);
        return new VendorScope(merged);
    }
}
