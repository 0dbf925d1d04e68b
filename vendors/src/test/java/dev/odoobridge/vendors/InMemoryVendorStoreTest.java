package dev.odoobridge.vendors;

/** The store contract on the in-memory test double the linking unit tests rely on. */
class InMemoryVendorStoreTest extends VendorStoreContract {
    private final InMemoryVendorStore store = new InMemoryVendorStore();

    @Override
    VendorStore store() {
        return store;
    }
}
