package dev.odoobridge.feed;

import java.util.List;

/** Built-in tables over the retail projections. */
public final class FeedTables {
    private FeedTables() {
    }

    /** {@code products}: read-only, with the total quantity on hand; vendor-scoped callers see their products. */
    public static FeedTable products() {
        return FeedTable.builder("products", "product.product")
                .column(FeedColumn.text("name", "name"))
                .column(FeedColumn.text("default_code", "default_code"))
                .column(FeedColumn.text("barcode", "barcode"))
                .column(FeedColumn.number("list_price", "list_price"))
                .column(FeedColumn.onHand("qty_on_hand"))
                .column(FeedColumn.timestamp("updated_at", "_write_date"))
                .vendorScoped()
                .build();
    }

    /** {@code partners}: customers, writable (the device's id goes into {@code ref}). */
    public static FeedTable partners() {
        return FeedTable.builder("partners", "res.partner")
                .column(FeedColumn.text("name", "name"))
                .column(FeedColumn.text("email", "email"))
                .column(FeedColumn.text("phone", "phone"))
                .column(FeedColumn.text("street", "street"))
                .column(FeedColumn.text("city", "city"))
                .column(FeedColumn.bool("is_company", "is_company"))
                .column(FeedColumn.timestamp("updated_at", "_write_date"))
                .writable("ref")
                .build();
    }

    /** {@code sale_orders}: writable (the device's id goes into {@code client_order_ref}); name and totals from Odoo. */
    public static FeedTable saleOrders() {
        return FeedTable.builder("sale_orders", "sale.order")
                .column(FeedColumn.text("name", "name"))
                .column(FeedColumn.reference("partner_id", "partner_id", "res.partner"))
                .column(FeedColumn.timestamp("date_order", "date_order"))
                .column(FeedColumn.text("state", "state"))
                .column(FeedColumn.number("amount_untaxed", "amount_untaxed"))
                .column(FeedColumn.number("amount_total", "amount_total"))
                .column(FeedColumn.timestamp("updated_at", "_write_date"))
                .writable("client_order_ref")
                .build();
    }

    /** {@code sale_order_lines}: created with their order. */
    public static FeedTable saleOrderLines() {
        return FeedTable.builder("sale_order_lines", "sale.order.line")
                .column(FeedColumn.reference("order_id", "order_id", "sale.order"))
                .column(FeedColumn.reference("product_id", "product_id", "product.product"))
                .column(FeedColumn.text("name", "name"))
                .column(FeedColumn.number("product_uom_qty", "product_uom_qty"))
                .column(FeedColumn.number("price_unit", "price_unit"))
                .column(FeedColumn.number("price_subtotal", "price_subtotal"))
                .column(FeedColumn.timestamp("updated_at", "_write_date"))
                .childOf("order_id", "sale_orders", "order_line")
                .build();
    }

    /** The four retail tables. */
    public static List<FeedTable> retail() {
        return List.of(products(), partners(), saleOrders(), saleOrderLines());
    }
}
