package dev.odoobridge.readmodel;

import dev.odoobridge.readmodel.internal.FieldCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Built-in projections of the retail models (partners, products, supplier infos, warehouses,
 * locations, lots, quants, moves, reordering rules, sales, purchases, mails, attachments). Each
 * goes to a collection named after the model with dots replaced by underscores.
 *
 * <p>The built-in projections hold only fields whose changes move the record's own
 * {@code write_date}, because that is what an incremental sync follows. Left out are one2many
 * lists ({@code res.partner.child_ids}, {@code product.category.child_id},
 * {@code product.template.seller_ids} and {@code product_variant_ids}, {@code order_line} of sales
 * and purchases: creating, re-parenting or deleting a child does not touch the parent; query the
 * children by their many2one instead, e.g. {@code parent_id}, {@code product_tmpl_id},
 * {@code order_id}) and non-stored computed fields (the stock quantities of
 * {@code product.product}: the stock view derives them from quants and moves). Fields
 * {@code product.product} takes from its template through {@code _inherits} stay: the sync
 * re-reads a template's variants when it applies the template. Add a left-out field back
 * knowingly with {@code of(model).withExtraFields(untrackedFields(model))}; it is then only as
 * fresh as the record's last own change.
 *
 * <p>The built-in fields are those of every supported Odoo version (17.0, 18.0, 19.0) and of the
 * modules a retail shop may have, all {@linkplain Projection#optionalFields() optional}: a sync
 * projects those the server has. Products carry Odoo's own storable marker ({@code is_storable} on
 * 18.0 and later, {@code detailed_type = 'product'} on 17.0); their documents also get a
 * version-neutral boolean {@code storable} derived from it (see {@link StorableProducts}).
 */
public final class Projections {
    private Projections() {
    }

    /** Every built-in retail projection. */
    public static List<Projection> retail() {
        List<Projection> all = new ArrayList<>();
        for (String model : FieldCatalog.models()) {
            all.add(of(model));
        }
        return List.copyOf(all);
    }

    /**
     * The projections of a product's extra barcodes, one per model a version keeps them in:
     * {@code product.packaging} on Odoo 17.0 and 18.0 (name, quantity, barcode, product, unit), {@code product.uom}
     * on 19.0 (product, unit, barcode). No server has both, so neither is in {@link #retail()}: add the one the
     * server has, see {@link #retailOn(Collection)}. ({@code product.packaging.product_uom_id} is Odoo's related
     * field to the product's unit: a change of that unit shows with the packaging's next change or a full sync.)
     */
    public static List<Projection> unitBarcodes() {
        List<Projection> all = new ArrayList<>();
        for (String model : FieldCatalog.UNIT_BARCODE_MODELS) {
            all.add(of(model));
        }
        return List.copyOf(all);
    }

    /**
     * {@link #retail()} plus the {@linkplain #unitBarcodes() unit-barcode projections} whose model the server has:
     * pass the models the server answers for (its {@code ir.model} names, or those whose {@code fields_get}
     * answered), never an assumption from its version.
     */
    public static List<Projection> retailOn(Collection<String> serverModels) {
        List<Projection> all = new ArrayList<>(retail());
        for (Projection p : unitBarcodes()) {
            if (serverModels.contains(p.model())) {
                all.add(p);
            }
        }
        return List.copyOf(all);
    }

    /**
     * The built-in projection of one retail model.
     *
     * @throws IllegalArgumentException when the model is not a built-in one
     */
    public static Projection of(String model) {
        List<String> fields = FieldCatalog.fieldNames(model);
        return new Projection(model, FieldCatalog.collectionFor(model), fields, java.util.Set.copyOf(fields));
    }

    /**
     * The fields of a built-in model that the built-in projection leaves out because a change of
     * their value does not move the record's {@code write_date} (one2many lists, non-stored computed
     * fields); empty when there are none.
     *
     * @throws IllegalArgumentException when the model is not a built-in one
     */
    public static List<String> untrackedFields(String model) {
        return FieldCatalog.untrackedFieldNames(model);
    }
}
