package dev.odoobridge.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The shared retail data model (field name → type), as the generator may write it. */
final class RetailSchema {

    /** A field's type: {@code kind} is char/bool/int/float/date/datetime/selection/m2o/x2m. */
    record Field(String kind, String target, Set<String> choices) {
    }

    private static final String COMMON = "display_name:char create_date:datetime write_date:datetime "
            + "create_uid:m2o:res.users write_uid:m2o:res.users";

    private static final Map<String, String> MODELS = Map.ofEntries(
            Map.entry("res.company", "name:char partner_id:m2o:res.partner email:char active:bool"),
            Map.entry("res.partner", "name:char email:char phone:char ref:char is_company:bool supplier_rank:int "
                    + "customer_rank:int parent_id:m2o:res.partner child_ids:x2m:res.partner "
                    + "company_id:m2o:res.company street:char city:char active:bool"),
            Map.entry("res.users", "login:char name:char partner_id:m2o:res.partner company_id:m2o:res.company "
                    + "share:bool active:bool"),
            Map.entry("product.category", "name:char parent_id:m2o:product.category complete_name:char "
                    + "child_id:x2m:product.category"),
            Map.entry("product.template", "name:char default_code:char barcode:char list_price:float "
                    + "standard_price:float categ_id:m2o:product.category type:selection:consu|service|combo "
                    + "is_storable:bool sale_ok:bool purchase_ok:bool seller_ids:x2m:product.supplierinfo "
                    + "product_variant_ids:x2m:product.product active:bool"),
            Map.entry("product.product", "product_tmpl_id:m2o:product.template name:char default_code:char "
                    + "barcode:char list_price:float standard_price:float categ_id:m2o:product.category "
                    + "type:selection:consu|service|combo is_storable:bool active:bool "
                    + "seller_ids:x2m:product.supplierinfo qty_available:float virtual_available:float "
                    + "incoming_qty:float outgoing_qty:float"),
            Map.entry("product.supplierinfo", "partner_id:m2o:res.partner product_tmpl_id:m2o:product.template "
                    + "product_id:m2o:product.product product_code:char product_name:char min_qty:float "
                    + "price:float delay:int"),
            Map.entry("stock.warehouse", "name:char code:char lot_stock_id:m2o:stock.location "
                    + "view_location_id:m2o:stock.location company_id:m2o:res.company active:bool"),
            Map.entry("stock.location", "name:char complete_name:char "
                    + "usage:selection:internal|view|supplier|customer|inventory|transit "
                    + "location_id:m2o:stock.location warehouse_id:m2o:stock.warehouse active:bool"),
            Map.entry("stock.lot", "name:char product_id:m2o:product.product expiration_date:datetime "
                    + "company_id:m2o:res.company"),
            Map.entry("stock.quant", "product_id:m2o:product.product location_id:m2o:stock.location "
                    + "lot_id:m2o:stock.lot quantity:float reserved_quantity:float in_date:datetime"),
            Map.entry("stock.move", "reference:char origin:char product_id:m2o:product.product "
                    + "product_uom_qty:float quantity:float location_id:m2o:stock.location "
                    + "location_dest_id:m2o:stock.location "
                    + "state:selection:draft|waiting|confirmed|assigned|done|cancel date:datetime "
                    + "sale_line_id:m2o:sale.order.line purchase_line_id:m2o:purchase.order.line"),
            Map.entry("stock.warehouse.orderpoint", "name:char product_id:m2o:product.product "
                    + "warehouse_id:m2o:stock.warehouse location_id:m2o:stock.location product_min_qty:float "
                    + "product_max_qty:float qty_multiple:float active:bool"),
            Map.entry("sale.order", "name:char partner_id:m2o:res.partner date_order:datetime "
                    + "state:selection:draft|sent|sale|cancel amount_untaxed:float amount_total:float "
                    + "order_line:x2m:sale.order.line warehouse_id:m2o:stock.warehouse user_id:m2o:res.users "
                    + "company_id:m2o:res.company"),
            Map.entry("sale.order.line", "order_id:m2o:sale.order product_id:m2o:product.product name:char "
                    + "product_uom_qty:float qty_delivered:float price_unit:float price_subtotal:float "
                    + "state:selection:draft|sent|sale|cancel"),
            Map.entry("purchase.order", "name:char partner_id:m2o:res.partner date_order:datetime "
                    + "state:selection:draft|sent|to_approve|purchase|done|cancel origin:char "
                    + "order_line:x2m:purchase.order.line amount_total:float company_id:m2o:res.company"),
            Map.entry("purchase.order.line", "order_id:m2o:purchase.order product_id:m2o:product.product "
                    + "name:char product_qty:float price_unit:float price_subtotal:float date_planned:datetime"));

    private RetailSchema() {
    }

    /** Fields per model, including the bookkeeping fields every model has. */
    static Map<String, Map<String, Field>> models() {
        Map<String, Map<String, Field>> out = new HashMap<>();
        MODELS.forEach((model, spec) -> {
            Map<String, Field> fields = new HashMap<>();
            for (String entry : (COMMON + " " + spec).split(" ")) {
                String[] parts = entry.split(":");
                String kind = parts[1];
                String target = kind.equals("m2o") || kind.equals("x2m") ? parts[2] : null;
                Set<String> choices = kind.equals("selection") ? Set.of(parts[2].replace('_', ' ').split("\\|")) : Set.of();
                fields.put(parts[0], new Field(kind, target, choices));
            }
            out.put(model, fields);
        });
        return out;
    }
}
