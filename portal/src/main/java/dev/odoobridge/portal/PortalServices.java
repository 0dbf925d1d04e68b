package dev.odoobridge.portal;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.vendors.VendorLinking;
import dev.odoobridge.vendors.VendorStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What page modules are built from ({@link Portal.Builder#pages}): the vendor's data, their links (and so their scope),
 * the audit trail, the sources' Odoo clients and the clock.
 *
 * @param data what the pages show, always inside the vendor's scope
 * @param linking vendor links; {@link VendorLinking#scopeOf} gives a vendor's scope
 * @param store the vendor store ({@link VendorStore#audit} for downloads and proposals)
 * @param sources the configured sources' Odoo clients by name
 * @param clock time source
 */
public record PortalServices(VendorData data, VendorLinking linking, VendorStore store, Map<String, OdooClient> sources,
                             Clock clock) {
    public PortalServices {
        Objects.requireNonNull(data, "data == null");
        Objects.requireNonNull(linking, "linking == null");
        Objects.requireNonNull(store, "store == null");
        sources = Map.copyOf(sources);
        Objects.requireNonNull(clock, "clock == null");
    }
}
