package dev.odoobridge.readmodel.internal;

import dev.odoobridge.readmodel.Projection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collection names: a model's configured collection (or its default name) and the derived views'. */
final class Names {
    static final String PRODUCT_STOCK = "product_stock";
    static final String LOT_STOCK = "lot_stock";

    private final Map<String, String> byModel = new HashMap<>();

    Names(List<Projection> projections) {
        projections.forEach(p -> byModel.put(p.model(), p.collection()));
    }

    String of(String model) {
        return byModel.getOrDefault(model, FieldCatalog.collectionFor(model));
    }
}
