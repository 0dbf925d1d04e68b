package dev.odoobridge.api.internal;

import java.util.List;

/**
 * A keyset-paged resource over one read-model collection.
 *
 * @param name the resource name (URL segment and allow-list name)
 * @param collection the MongoDB collection
 * @param idField the numeric id field ({@code _odoo_id}, or {@code product_id} in the stock view)
 * @param vendor how a vendor key is limited
 * @param vendorField the field {@link VendorRule} applies to
 * @param filters the filter parameters (on indexed fields)
 * @param sorts the sort parameters (name → field); {@code id} always
 * @param description one line for the documentation
 */
record Collection(String name, String collection, String idField, VendorRule vendor, String vendorField,
                  List<Filter> filters, List<Sort> sorts, String description) {

    /** How a vendor-scoped key sees a collection. */
    enum VendorRule {
        /** Only documents whose {@code vendorField} is one of the vendor's product ids. */
        PRODUCT_ID,
        /** Only documents whose {@code vendorField} (an array or a value) holds the vendor's partner id. */
        PARTNER,
        /** Everything of the source (e.g. categories). */
        ALL,
        /** Nothing: the resource is the shop's own (customers, sales). */
        FORBIDDEN
    }

    /** Filter parameter kinds. */
    enum Kind { STRING, LONG, BOOLEAN, SINCE, UNTIL, POSITIVE }

    /**
     * A filter parameter.
     *
     * @param param the query parameter
     * @param field the document field
     * @param kind how the value is read and compared
     * @param description for the documentation
     */
    record Filter(String param, String field, Kind kind, String description) {
    }

    /**
     * A sort parameter value.
     *
     * @param param its name in {@code sort=} (prefix {@code -} for descending)
     * @param field the document field
     */
    record Sort(String param, String field) {
    }
}
