package dev.odoobridge.readmodel.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields the built-in retail projections want, with their Odoo types as real Odoo 17.0, 18.0 and
 * 19.0 servers report them ({@code monetary} amounts, {@code text} order-line names,
 * {@code many2one_reference} {@code res_id}s). The types are the fallback used to map Odoo's
 * {@code False} by type (null for everything but booleans) and to convert datetimes when no server
 * schema was given ({@code Projector#fieldTypes}); fields typed nowhere are inferred from the value's
 * shape. The lists name fields of every supported version: {@code product.*} carries both
 * {@code is_storable} (18.0 and later) and {@code detailed_type} (17.0); a sync projects only those the
 * server has (see the sync engine's schema).
 *
 * <p>Fields marked {@code ~} are typed but not projected by default: their value changes in Odoo
 * without the record's own {@code write_date} moving (one2many lists, whose children carry the
 * relation through their many2one; non-stored computed stock quantities, which the stock view
 * derives from quants and moves), so a {@code write_date} cursor cannot keep them current.
 */
public final class FieldCatalog {
    private static final String COMMON = "display_name:char create_date:datetime write_date:datetime "
            + "create_uid:many2one write_uid:many2one";

    private static final String UNTRACKED = "~";

    private static final String[][] MODELS = {
        {"res.company", "name:char partner_id:many2one email:char active:boolean"},
        {"res.partner", "name:char email:char phone:char ref:char is_company:boolean supplier_rank:integer "
                + "customer_rank:integer parent_id:many2one ~child_ids:one2many company_id:many2one street:char "
                + "city:char active:boolean"},
        {"res.users", "login:char name:char partner_id:many2one company_id:many2one share:boolean active:boolean"},
        {"product.category", "name:char parent_id:many2one complete_name:char ~child_id:one2many"},
        {"product.template", "name:char default_code:char barcode:char list_price:float standard_price:float "
                + "categ_id:many2one type:selection is_storable:boolean detailed_type:selection sale_ok:boolean purchase_ok:boolean "
                + "~seller_ids:one2many ~product_variant_ids:one2many active:boolean"},
        {"product.product", "product_tmpl_id:many2one name:char default_code:char barcode:char list_price:float "
                + "standard_price:float categ_id:many2one type:selection is_storable:boolean detailed_type:selection active:boolean "
                + "~seller_ids:one2many ~qty_available:float ~virtual_available:float ~incoming_qty:float "
                + "~outgoing_qty:float"},
        {"product.supplierinfo", "partner_id:many2one product_tmpl_id:many2one product_id:many2one "
                + "product_code:char product_name:char min_qty:float price:float delay:integer"},
        {"stock.warehouse", "name:char code:char lot_stock_id:many2one view_location_id:many2one "
                + "company_id:many2one active:boolean"},
        {"stock.location", "name:char complete_name:char usage:selection location_id:many2one "
                + "warehouse_id:many2one active:boolean"},
        {"stock.lot", "name:char product_id:many2one expiration_date:datetime company_id:many2one"},
        {"stock.quant", "product_id:many2one location_id:many2one lot_id:many2one quantity:float "
                + "reserved_quantity:float in_date:datetime"},
        {"stock.move", "reference:char origin:char product_id:many2one product_uom_qty:float quantity:float "
                + "location_id:many2one location_dest_id:many2one state:selection date:datetime "
                + "sale_line_id:many2one purchase_line_id:many2one"},
        {"stock.warehouse.orderpoint", "name:char product_id:many2one warehouse_id:many2one location_id:many2one "
                + "product_min_qty:float product_max_qty:float qty_multiple:float active:boolean"},
        {"sale.order", "name:char partner_id:many2one date_order:datetime state:selection amount_untaxed:monetary "
                + "amount_total:monetary ~order_line:one2many warehouse_id:many2one user_id:many2one company_id:many2one"},
        {"sale.order.line", "order_id:many2one product_id:many2one name:text product_uom_qty:float "
                + "qty_delivered:float price_unit:float price_subtotal:monetary price_total:monetary display_type:selection "
                + "state:selection"},
        {"purchase.order", "name:char partner_id:many2one date_order:datetime state:selection origin:char "
                + "~order_line:one2many amount_total:monetary company_id:many2one"},
        {"product.packaging", "name:char sequence:integer product_id:many2one qty:float barcode:char "
                + "product_uom_id:many2one company_id:many2one"},
        {"product.uom", "product_id:many2one uom_id:many2one barcode:char company_id:many2one"},
        {"purchase.order.line", "order_id:many2one product_id:many2one name:text product_qty:float "
                + "price_unit:float price_subtotal:monetary date_planned:datetime"},
        {"mail.mail", "subject:char body_html:text email_to:text email_from:char auto_delete:boolean "
                + "state:selection attachment_ids:many2many model:char res_id:many2one_reference"},
        {"ir.attachment", "name:char datas:binary mimetype:char res_model:char res_id:many2one_reference type:selection"},
    };

    private FieldCatalog() {
    }

    /** Model → (field → Odoo type) for every built-in retail model, in declaration order. */
    public static Map<String, Map<String, String>> retail() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String[] m : MODELS) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String spec : (m[1] + " " + COMMON).split(" ")) {
                String bare = spec.startsWith(UNTRACKED) ? spec.substring(1) : spec;
                int colon = bare.indexOf(':');
                fields.put(bare.substring(0, colon), bare.substring(colon + 1));
            }
            all.put(m[0], Map.copyOf(fields));
        }
        return all;
    }

    /**
     * The projected field names of a built-in model, in declaration order, followed by
     * {@code display_name}, {@code create_date} and {@code write_date}; fields whose changes do not
     * move the record's {@code write_date} are left out (see {@link #untrackedFieldNames(String)}).
     */
    public static java.util.List<String> fieldNames(String model) {
        for (String[] m : MODELS) {
            if (m[0].equals(model)) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (String spec : m[1].split(" ")) {
                    if (!spec.startsWith(UNTRACKED)) {
                        names.add(spec.substring(0, spec.indexOf(':')));
                    }
                }
                names.add("display_name");
                names.add("create_date");
                names.add("write_date");
                return java.util.List.copyOf(names);
            }
        }
        throw new IllegalArgumentException("no built-in projection for model '" + model + "'");
    }

    /**
     * The fields of a built-in model that a {@code write_date} cursor cannot keep current (one2many
     * lists, non-stored computed fields), in declaration order; empty for most models.
     */
    public static java.util.List<String> untrackedFieldNames(String model) {
        for (String[] m : MODELS) {
            if (m[0].equals(model)) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (String spec : m[1].split(" ")) {
                    if (spec.startsWith(UNTRACKED)) {
                        names.add(spec.substring(1, spec.indexOf(':')));
                    }
                }
                return java.util.List.copyOf(names);
            }
        }
        throw new IllegalArgumentException("no built-in projection for model '" + model + "'");
    }

    /** Default collection name for a model: dots become underscores ({@code stock.quant} → {@code stock_quant}). */
    public static String collectionFor(String model) {
        return model.replace('.', '_');
    }

    /**
     * Built-in models that only some Odoo versions have, so not projected by default: a product's extra barcodes,
     * {@code product.packaging} (17.0, 18.0) and {@code product.uom} (19.0).
     */
    public static final java.util.List<String> UNIT_BARCODE_MODELS = java.util.List.of("product.packaging", "product.uom");

    /** The built-in model names projected by default, in declaration order (without {@link #UNIT_BARCODE_MODELS}). */
    public static java.util.List<String> models() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String[] m : MODELS) {
            if (!UNIT_BARCODE_MODELS.contains(m[0])) {
                names.add(m[0]);
            }
        }
        return java.util.List.copyOf(names);
    }
}
