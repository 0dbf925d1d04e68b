package dev.odoobridge.portal.auth;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Asks each source's Odoo for an active partner with the email and a supplier rank ({@code supplier_rank > 0}):
 * {@code ilike} finds candidates, an exact comparison without case keeps the address only.
 */
public final class OdooSupplierDirectory implements SupplierDirectory {
    private final Map<String, OdooClient> sources;

    /** Over the configured sources' clients. */
    public OdooSupplierDirectory(Map<String, OdooClient> sources) {
        this.sources = Map.copyOf(Objects.requireNonNull(sources, "sources == null"));
    }

    @Override
    public boolean isSupplier(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        for (OdooClient client : sources.values()) {
            List<OdooRecord> rows = client.model("res.partner").searchRead(
                    Domains.and(Domains.ilike("email", wanted), Domains.gt("supplier_rank", 0)), List.of("email"));
            for (OdooRecord r : rows) {
                String e = r.getString("email");
                if (e != null && e.strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
