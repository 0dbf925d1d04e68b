package dev.odoobridge.testkit.internal.orm;

import dev.odoobridge.testkit.internal.orm.ModelDef.Naming;
import java.util.Map;

/** The retail models of FakeOdoo with Odoo 19's field names, types and labels. */
final class RetailSchema {
    private RetailSchema() {
    }

    /** A fresh, mutable schema (custom fields are added per ORM instance). */
    static Map<String, ModelDef> create() {
        SchemaBuilder b = new SchemaBuilder();
        b.model("res.company", "Companies", Naming.FIELD, "name", true)
                .req("name", "Company Name").m2o("partner_id", "Partner", "res.partner", true).chr("email", "Email")
                .active().audit();
        b.model("res.partner", "Contact", Naming.PARTNER, "name", false)
                .chr("name", "Name").computed("complete_name", FieldType.CHAR, "Complete Name", Compute.COMPLETE_NAME).chr("email", "Email")
                .chr("phone", "Phone").chr("ref", "Reference").bool("is_company", "Is a Company")
                .integer("supplier_rank", "Supplier Rank").integer("customer_rank", "Customer Rank")
                .m2o("parent_id", "Related Company", "res.partner")
                .o2m("child_ids", "Contact", "res.partner", "parent_id")
                .m2o("company_id", "Company", "res.company").chr("street", "Street").chr("city", "City")
                .active().audit();
        b.model("res.users", "User", Naming.FIELD, "name", true)
                .req("login", "Login").chr("name", "Name").m2o("partner_id", "Related Partner", "res.partner", true)
                .m2o("company_id", "Company", "res.company", true).bool("share", "Share User").active().audit();
        b.model("product.category", "Product Category", Naming.COMPLETE, "complete_name", true)
                .req("name", "Name").m2o("parent_id", "Parent Category", "product.category")
                .computed("complete_name", FieldType.CHAR, "Complete Name", Compute.COMPLETE_NAME)
                .o2m("child_id", "Child Categories", "product.category", "parent_id").audit();
        b.model("product.template", "Product", Naming.PRODUCT, "name", false)
                .req("name", "Name").chr("default_code", "Internal Reference").chr("barcode", "Barcode")
                .flt("list_price", "Sales Price").flt("standard_price", "Cost")
                .m2o("categ_id", "Product Category", "product.category")
                .selection("type", "Product Type", true, "consu", "Goods", "service", "Service", "combo", "Combo")
                .bool("is_storable", "Track Inventory").bool("sale_ok", "Sales").bool("purchase_ok", "Purchase")
                .o2m("seller_ids", "Vendors", "product.supplierinfo", "product_tmpl_id")
                .o2m("product_variant_ids", "Products", "product.product", "product_tmpl_id")
                .active().audit();
        ModelDef template = b.current();
        b.model("product.product", "Product Variant", Naming.PRODUCT, "name", false)
                .m2o("product_tmpl_id", "Product Template", "product.template", true);
        for (String shared : new String[] {"name", "default_code", "barcode", "list_price", "standard_price",
                "categ_id", "type", "is_storable", "sale_ok", "purchase_ok", "seller_ids", "active"}) {
            b.related("product_tmpl_id", template.field(shared));
        }
        b.computed("qty_available", FieldType.FLOAT, "Quantity On Hand", Compute.STOCK_QTY)
                .computed("virtual_available", FieldType.FLOAT, "Forecasted Quantity", Compute.STOCK_QTY)
                .computed("incoming_qty", FieldType.FLOAT, "Incoming", Compute.STOCK_QTY)
                .computed("outgoing_qty", FieldType.FLOAT, "Outgoing", Compute.STOCK_QTY).audit();
        b.model("product.supplierinfo", "Supplier Pricelist", Naming.MODEL_ID, null, false)
                .m2o("partner_id", "Vendor", "res.partner", true)
                .m2o("product_tmpl_id", "Product Template", "product.template")
                .m2o("product_id", "Product Variant", "product.product").chr("product_code", "Vendor Product Code")
                .chr("product_name", "Vendor Product Name").flt("min_qty", "Quantity").flt("price", "Unit Price")
                .integer("delay", "Delivery Lead Time").audit();
        b.model("stock.warehouse", "Warehouse", Naming.FIELD, "name", true)
                .req("name", "Warehouse").req("code", "Short Name")
                .m2o("lot_stock_id", "Location Stock", "stock.location")
                .m2o("view_location_id", "View Location", "stock.location")
                .m2o("company_id", "Company", "res.company").active().audit();
        b.model("stock.location", "Inventory Locations", Naming.COMPLETE, "complete_name", true)
                .req("name", "Location Name")
                .computed("complete_name", FieldType.CHAR, "Full Location Name", Compute.COMPLETE_NAME)
                .selection("usage", "Location Type", true, "supplier", "Vendor", "view", "Virtual", "internal",
                        "Internal", "customer", "Customer", "inventory", "Inventory Loss", "transit", "Transit")
                .m2o("location_id", "Parent Location", "stock.location")
                .m2o("warehouse_id", "Warehouse", "stock.warehouse").active().audit();
        b.model("stock.lot", "Lot/Serial", Naming.FIELD, "name", false)
                .req("name", "Lot/Serial Number").m2o("product_id", "Product", "product.product", true)
                .datetime("expiration_date", "Expiration Date").m2o("company_id", "Company", "res.company").audit();
        b.model("stock.quant", "Quants", Naming.MODEL_ID, null, false)
                .m2o("product_id", "Product", "product.product", true)
                .m2o("location_id", "Location", "stock.location", true).m2o("lot_id", "Lot/Serial Number", "stock.lot")
                .flt("quantity", "Quantity").flt("reserved_quantity", "Reserved Quantity")
                .datetime("in_date", "Incoming Date").audit();
        b.model("stock.move", "Stock Move", Naming.FIELD, "reference", false)
                .chr("reference", "Reference").chr("origin", "Source Document")
                .m2o("product_id", "Product", "product.product", true).flt("product_uom_qty", "Demand")
                .flt("quantity", "Quantity").m2o("location_id", "Source Location", "stock.location", true)
                .m2o("location_dest_id", "Destination Location", "stock.location", true)
                .selection("state", "Status", false, "draft", "New", "waiting", "Waiting Another Move", "confirmed",
                        "Waiting Availability", "partially_available", "Partially Available", "assigned",
                        "Available", "done", "Done", "cancel", "Cancelled")
                .datetime("date", "Date Scheduled").m2o("sale_line_id", "Sale Line", "sale.order.line")
                .m2o("purchase_line_id", "Purchase Order Line", "purchase.order.line").audit();
        b.model("stock.warehouse.orderpoint", "Minimum Inventory Rule")
                .req("name", "Name").m2o("product_id", "Product", "product.product", true)
                .m2o("warehouse_id", "Warehouse", "stock.warehouse", true)
                .m2o("location_id", "Location", "stock.location", true).flt("product_min_qty", "Min Quantity")
                .flt("product_max_qty", "Max Quantity").flt("qty_multiple", "Multiple Quantity").active().audit();
        b.model("sale.order", "Sales Order")
                .req("name", "Order Reference").m2o("partner_id", "Customer", "res.partner", true)
                .datetime("date_order", "Order Date")
                .selection("state", "Status", false, "draft", "Quotation", "sent", "Quotation Sent", "sale",
                        "Sales Order", "cancel", "Cancelled")
                .flt("amount_untaxed", "Untaxed Amount").flt("amount_total", "Total")
                .o2m("order_line", "Order Lines", "sale.order.line", "order_id")
                .m2o("warehouse_id", "Warehouse", "stock.warehouse").m2o("user_id", "Salesperson", "res.users")
                .m2o("company_id", "Company", "res.company").audit();
        ModelDef saleOrder = b.current();
        b.model("sale.order.line", "Sales Order Line")
                .m2o("order_id", "Order Reference", "sale.order", true).m2o("product_id", "Product", "product.product")
                .text("name", "Description").flt("product_uom_qty", "Quantity").flt("qty_delivered", "Delivery Quantity")
                .flt("price_unit", "Unit Price").flt("price_subtotal", "Subtotal")
                .related("order_id", saleOrder.field("state")).audit();
        b.model("purchase.order", "Purchase Order")
                .req("name", "Order Reference").m2o("partner_id", "Vendor", "res.partner", true)
                .datetime("date_order", "Order Deadline")
                .selection("state", "Status", false, "draft", "RFQ", "sent", "RFQ Sent", "to approve", "To Approve",
                        "purchase", "Purchase Order", "done", "Locked", "cancel", "Cancelled")
                .chr("origin", "Source Document").o2m("order_line", "Order Lines", "purchase.order.line", "order_id")
                .flt("amount_total", "Total").m2o("company_id", "Company", "res.company").audit();
        b.model("purchase.order.line", "Purchase Order Line")
                .m2o("order_id", "Order Reference", "purchase.order", true)
                .m2o("product_id", "Product", "product.product").text("name", "Description")
                .flt("product_qty", "Quantity").flt("price_unit", "Unit Price").flt("price_subtotal", "Subtotal")
                .datetime("date_planned", "Expected Arrival").audit();
        b.model("mail.mail", "Outgoing Mails", Naming.FIELD, "subject", false)
                .chr("subject", "Subject").html("body_html", "Text Contents").text("email_to", "To")
                .chr("email_from", "From").bool("auto_delete", "Auto Delete")
                .selection("state", "Status", false, "outgoing", "Outgoing", "sent", "Sent", "received", "Received",
                        "exception", "Delivery Failed", "cancel", "Cancelled")
                .m2m("attachment_ids", "Attachments", "ir.attachment").chr("model", "Related Document Model")
                .integer("res_id", "Related Document ID").audit();
        b.model("ir.attachment", "Attachment")
                .req("name", "Name").binary("datas", "File Content (base64)").chr("mimetype", "Mime Type")
                .chr("res_model", "Resource Model").integer("res_id", "Resource ID")
                .selection("type", "Type", true, "url", "URL", "binary", "File").audit();
        b.model("ir.model", "Models", Naming.FIELD, "name", true)
                .req("name", "Model Description").req("model", "Model").audit();
        return b.build();
    }
}
