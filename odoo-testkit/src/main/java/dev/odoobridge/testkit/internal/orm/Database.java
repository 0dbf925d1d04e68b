package dev.odoobridge.testkit.internal.orm;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** All tables of the fake database, their schema and the one lock that guards them. */
final class Database {
    /** Many2one fields indexed besides the inverses of one2many fields (used by stock and hierarchy lookups). */
    private static final Map<String, Set<String>> EXTRA_INDEXES = Map.of(
            "stock.quant", Set.of("product_id"),
            "stock.move", Set.of("product_id"),
            "stock.location", Set.of("location_id"));

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ModelDef> schema;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final OdooRelease release;

    Database(OdooRelease release, Map<String, ModelDef> schema) {
        this.release = release;
        this.schema = schema;
        Map<String, Set<String>> indexed = new LinkedHashMap<>();
        schema.keySet().forEach(m -> indexed.put(m, new HashSet<>(EXTRA_INDEXES.getOrDefault(m, Set.of()))));
        for (ModelDef model : schema.values()) {
            for (FieldDef field : model.fields()) {
                if (field.compute() == Compute.INVERSE) {
                    indexed.get(field.relation()).add(field.inverse());
                }
            }
        }
        schema.forEach((name, model) -> tables.put(name, new Table(model, indexed.get(name))));
    }

    /**
     * The model's definition.
     *
     * @throws OrmFault UNKNOWN_MODEL when there is no such model
     */
    ModelDef model(String name) {
        ModelDef model = schema.get(name);
        if (model == null) {
            throw new OrmFault(FaultKind.UNKNOWN_MODEL, "Object " + name + " doesn't exist");
        }
        return model;
    }

    Table table(String model) {
        Table table = tables.get(model);
        if (table == null) {
            throw new OrmFault(FaultKind.UNKNOWN_MODEL, "Object " + model + " doesn't exist");
        }
        return table;
    }

    /** The Odoo version and modules the database plays. */
    OdooRelease release() {
        return release;
    }

    Set<String> modelNames() {
        return Collections.unmodifiableSet(schema.keySet());
    }
}
