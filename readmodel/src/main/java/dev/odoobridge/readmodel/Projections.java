package dev.odoobridge.readmodel;

import dev.odoobridge.readmodel.internal.FieldCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in projections of the retail models (partners, products, supplier infos, warehouses,
 * locations, lots, quants, moves, reordering rules, sales, purchases, mails, attachments). Each
 * goes to a collection named after the model with dots replaced by underscores.
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
     * The built-in projection of one retail model.
     *
     * @throws IllegalArgumentException when the model is not a built-in one
     */
    public static Projection of(String model) {
        return new Projection(model, FieldCatalog.collectionFor(model), FieldCatalog.fieldNames(model));
    }
}
