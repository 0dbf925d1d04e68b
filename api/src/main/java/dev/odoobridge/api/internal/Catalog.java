package dev.odoobridge.api.internal;

import dev.odoobridge.api.internal.Collection.Filter;
import dev.odoobridge.api.internal.Collection.Kind;
import dev.odoobridge.api.internal.Collection.Sort;
import dev.odoobridge.api.internal.Collection.VendorRule;
import java.util.List;

/** The keyset-paged collections of the API, their filters (indexed fields) and sorts. */
final class Catalog {
    private Catalog() {
    }

    private static Filter updatedSince() {
        return new Filter("updated_since", "_write_date", Kind.SINCE, "Only records Odoo changed at or after this instant (ISO-8601 or date).");
    }

    static final Collection PRODUCTS = new Collection("products", "product_product", "_odoo_id", VendorRule.PRODUCT_ID,
            "_odoo_id", List.of(
                    new Filter("barcode", "barcode", Kind.STRING, "Exact barcode."),
                    new Filter("default_code", "default_code", Kind.STRING, "Exact internal reference."),
                    new Filter("template", "product_tmpl_id.id", Kind.LONG, "Product template id."),
                    new Filter("category", "categ_id.id", Kind.LONG, "Product category id."),
                    new Filter("active", "active", Kind.BOOLEAN, "Archived (false) or active (true) products."),
                    updatedSince()),
            List.of(new Sort("updated", "_write_date"), new Sort("name", "name")),
            "Product variants (product.product).");

    static final Collection CATEGORIES = new Collection("categories", "product_category", "_odoo_id", VendorRule.ALL,
            null, List.of(new Filter("parent", "parent_id.id", Kind.LONG, "Parent category id."), updatedSince()),
            List.of(new Sort("name", "complete_name")), "Product categories.");

    static final Collection PARTNERS = new Collection("partners", "res_partner", "_odoo_id", VendorRule.FORBIDDEN, null,
            List.of(new Filter("customer", "customer_rank", Kind.POSITIVE, "Customers (true) or not (false)."),
                    new Filter("vendor", "supplier_rank", Kind.POSITIVE, "Vendors (true) or not (false)."),
                    new Filter("email", "email", Kind.STRING, "Exact email."),
                    new Filter("parent", "parent_id.id", Kind.LONG, "Parent company id."), updatedSince()),
            List.of(new Sort("updated", "_write_date"), new Sort("name", "name")), "Customers and vendors (res.partner).");

    static final Collection SALE_ORDERS = new Collection("sale-orders", "sale_order", "_odoo_id", VendorRule.FORBIDDEN, null,
            List.of(new Filter("partner", "partner_id.id", Kind.LONG, "Customer id."),
                    new Filter("state", "state", Kind.STRING, "Odoo state: draft, sent, sale, cancel."),
                    new Filter("date_from", "date_order", Kind.SINCE, "Ordered at or after (ISO-8601 or date)."),
                    new Filter("date_to", "date_order", Kind.UNTIL, "Ordered before (ISO-8601 or date)."), updatedSince()),
            List.of(new Sort("date", "date_order"), new Sort("updated", "_write_date")), "Sale orders (lines in the detail).");

    static final Collection PURCHASE_ORDERS = new Collection("purchase-orders", "purchase_order", "_odoo_id",
            VendorRule.PARTNER, "partner_id.id",
            List.of(new Filter("partner", "partner_id.id", Kind.LONG, "Vendor id."),
                    new Filter("state", "state", Kind.STRING, "Odoo state: draft, sent, purchase, done, cancel."),
                    updatedSince()),
            List.of(new Sort("date", "date_order"), new Sort("updated", "_write_date")),
            "Purchase orders (a vendor key sees its own; lines in the detail).");

    static final Collection STOCK = new Collection("stock", Store.PRODUCT_STOCK, "product_id", VendorRule.PARTNER,
            "vendor_ids", List.of(new Filter("vendor", "vendor_ids", Kind.LONG, "Vendor partner id.")),
            List.of(), "Stock per product: on hand, reserved, available, incoming, threshold, per warehouse, vendors.");

    static final Collection LOTS = new Collection("lots", Store.LOT_STOCK, "lot_id", VendorRule.PRODUCT_ID, "product_id",
            List.of(new Filter("product", "product_id", Kind.LONG, "Product id."),
                    new Filter("expires_before", "expiration_date", Kind.UNTIL, "Expiring before (ISO-8601 or date)."),
                    new Filter("expires_after", "expiration_date", Kind.SINCE, "Expiring at or after (ISO-8601 or date).")),
            List.of(new Sort("expiry", "expiration_date")), "Lots with their expiry and quantity in stock.");

    static final List<Collection> ALL = List.of(PRODUCTS, CATEGORIES, PARTNERS, SALE_ORDERS, PURCHASE_ORDERS, STOCK, LOTS);
}
