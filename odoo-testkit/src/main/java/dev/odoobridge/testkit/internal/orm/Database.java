package dev.odoobridge.testkit.internal.orm;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** All tables of the fake database, their schema and the one lock that guards them. */
final class Database {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final OdooRelease release;
    private final Map<String, ModelDef> schema;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /**
     * The tables of {@code schema}, with every foreign key indexed (deletes, stock quantities and hierarchies look
     * records up by the many2one pointing at them).
     */
    Database(OdooRelease release, Map<String, ModelDef> schema) {
        this.release = release;
        this.schema = schema;
        Map<String, Set<String>> indexed = new LinkedHashMap<>();
        schema.keySet().forEach(m -> indexed.put(m, new HashSet<>()));
        for (ModelDef model : schema.values()) {
            for (FieldDef field : model.fields()) {
                if (field.compute() == Compute.INVERSE) {
                    indexed.get(field.relation()).add(field.inverse());
                } else if (ForeignKeys.hasForeignKey(field) && schema.containsKey(field.relation())) {
                    indexed.get(model.name()).add(field.name());
                }
            }
        }
        schema.forEach((name, model) -> tables.put(name, new Table(model, indexed.get(name))));
    }

    /** The Odoo version and modules the schema follows. */
    OdooRelease release() {
        return release;
    }

    /** Whether {@code name} is a served model. */
    boolean has(String name) {
        return schema.containsKey(name);
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

    Set<String> modelNames() {
        return Collections.unmodifiableSet(schema.keySet());
    }
}
