package dev.odoobridge.feed;

import java.util.Objects;
import java.util.Set;

/**
 * What one caller may read and write: one source (tenant), optionally one vendor's products (the vendor's partner
 * ids in that source), optionally a subset of the tables. An API key resolves to one; no request parameter widens it.
 *
 * @param source the source (Odoo database) name
 * @param vendorPartnerIds the vendor's partner ids in the source; empty = not vendor-scoped
 * @param tables the tables allowed; empty = every configured table
 */
public record FeedScope(String source, Set<Long> vendorPartnerIds, Set<String> tables) {
    public FeedScope {
        Objects.requireNonNull(source, "source == null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("blank source");
        }
        vendorPartnerIds = Set.copyOf(vendorPartnerIds);
        tables = Set.copyOf(tables);
    }

    /** Everything of one source. */
    public static FeedScope source(String source) {
        return new FeedScope(source, Set.of(), Set.of());
    }

    /** The scope of an API key: its source, its vendor partner (if any) and its tables (if limited). */
    public static FeedScope of(dev.odoobridge.access.ApiScope key) {
        Objects.requireNonNull(key, "key == null");
        return new FeedScope(key.source(), key.vendorPartnerId().isPresent() ? Set.of(key.vendorPartnerId().getAsLong())
                : Set.of(), key.resources());
    }

    /** True when the caller is restricted to a vendor's products. */
    public boolean vendorScoped() {
        return !vendorPartnerIds.isEmpty();
    }

    /** True when the table is within the scope's table list (not considering the vendor restriction). */
    public boolean allowsTable(String table) {
        return tables.isEmpty() || tables.contains(table);
    }
}
