package dev.odoobridge.vendors;

import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.internal.PostgresVendorStore;
import java.util.Objects;

/** Factories of {@link VendorStore}s. */
public final class VendorStores {
    private VendorStores() {
    }

    /**
     * The vendor store kept in the state database (tables {@code vendor_challenges},
     * {@code vendor_links} and {@code vendor_audit}, created by the schema migrations).
     *
     * @param database a database opened with {@link StateDatabase#connect} or {@link StateDatabase#embedded}
     */
    public static VendorStore postgres(StateDatabase database) {
        Objects.requireNonNull(database, "database == null");
        return new PostgresVendorStore(database.dataSource());
    }
}
