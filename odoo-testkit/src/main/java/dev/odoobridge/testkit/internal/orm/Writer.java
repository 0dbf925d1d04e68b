package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * create, write and unlink within a {@link Tx}: converts wire values, keeps product.template and product.product
 * in step, applies x2many commands, cascades deletions and reports change events. Callers hold the write lock.
 */
final class Writer {
    private final Database db;
    private final Records records;
    private final Tx tx;
    private final Rules rules;
    private final ForeignKeys foreignKeys;

    Writer(Records records, Tx tx) {
        this.db = records.db();
        this.records = records;
        this.tx = tx;
        this.rules = new Rules(records);
        this.foreignKeys = new ForeignKeys(db);
    }

    /** Creates one record per dict and returns the ids. */
    List<Integer> create(String modelName, List<?> valsList, boolean checkAccess) {
        ModelDef model = db.model(modelName);
        if (checkAccess) {
            AutomationModels.checkAccess(db, model, tx.uid(), "create");
            rules.checkAccess(model, tx.uid(), "create");
        }
        List<Integer> ids = new ArrayList<>();
        for (Object vals : valsList) {
            if (!(vals instanceof Map<?, ?> map)) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "create() expects a dict or a list of dicts, got "
                        + PyRepr.of(vals));
            }
            int id = createOne(model, map, true);
            ids.add(id);
            if (model.name().equals("sale.order")) {
                settleSaleOrder(id);
            } else if (model.name().equals("sale.order.line")
                    && db.table(modelName).value(id, model.field("order_id")) instanceof Integer order) {
                settleSaleOrder(order);
            }
        }
        return ids;
    }

    void write(String modelName, int[] ids, Map<?, ?> written, boolean checkAccess) {
        ModelDef model = db.model(modelName);
        Table table = db.table(modelName);
        rules.checkExists(table, ids, tx.uid());
        if (checkAccess) {
            AutomationModels.checkAccess(db, model, tx.uid(), "write");
            rules.checkAccess(model, tx.uid(), "write");
        }
        Map<?, ?> vals = AutomationModels.beforeWrite(records, model, written);
        Split split = split(model, vals);
        for (int id : ids) {
            Map<String, Object> previous = tx.recordsEvents() ? previousValues(table, id, vals) : null;
            Object[] row = table.copyRow(id);
            split.own.forEach((field, value) -> row[field.column()] = value);
            Defaults.checkRequired(db, model, row);
            update(table, id, row);
            split.related.forEach((via, values) -> {
                Object target = records.get(table, id, model.field(via));
                if (target != null && !values.isEmpty()) {
                    write(model.field(via).relation(), new int[] {(Integer) target}, values, false);
                }
            });
            applyInverse(model, id, split.inverse);
            event(table, id, "write", previous);
            if (model.name().equals("product.template")) {
                touchVariants(id);
            }
        }
        rules.checkConstraints(model, ids);
    }

    /**
     * Odoo's product.product stores write_date as a computed field depending on
     * product_tmpl_id.write_date: writing a template moves the write_date (and write_uid) of
     * each of its variants to the transaction's, without a write event on the variants.
     */
    private void touchVariants(int template) {
        Table variants = db.table("product.product");
        for (int variant : variants.referencing("product_tmpl_id", template)) {
            if (variants.exists(variant)) {
                update(variants, variant, variants.copyRow(variant));
            }
        }
    }

    void unlink(String modelName, int[] ids, boolean checkAccess) {
        ModelDef model = db.model(modelName);
        Table table = db.table(modelName);
        rules.checkExists(table, ids, tx.uid());
        if (checkAccess) {
            AutomationModels.checkAccess(db, model, tx.uid(), "unlink");
            rules.checkAccess(model, tx.uid(), "unlink");
        }
        rules.checkUnlink(model, ids);
        unlinkRows(table, ids);
    }

    /**
     * Deletes records as their model's {@code unlink} does: each through {@link #delete}, and a product variant
     * takes its template along when it was the template's last variant (product.product's own unlink; a variant
     * deleted through its template's cascade does not).
     */
    private void unlinkRows(Table table, int[] ids) {
        boolean variants = table.model().name().equals("product.product");
        FieldDef templateField = variants ? table.model().field("product_tmpl_id") : null;
        Set<Integer> templates = new LinkedHashSet<>();
        for (int id : ids) {
            if (!table.exists(id)) {
                continue;
            }
            if (variants && table.value(id, templateField) instanceof Integer template) {
                templates.add(template);
            }
            delete(table, id);
        }
        Table templateTable = db.table("product.template");
        for (int template : templates) {
            if (templateTable.exists(template) && table.referencing("product_tmpl_id", template).length == 0) {
                delete(templateTable, template);
            }
        }
    }

    /** Stores values as given (wire conventions), with optional historic create/write dates: the data generator's path. */
    int insert(String modelName, Map<?, ?> values) {
        ModelDef model = db.model(modelName);
        Map<String, Object> vals = new LinkedHashMap<>();
        values.forEach((k, v) -> vals.put(String.valueOf(k), v));
        Object created = vals.remove("create_date");
        Object written = vals.remove("write_date");
        int id = createOne(model, vals, false);
        if (created != null || written != null) {
            Table table = db.table(modelName);
            long c = created == null ? table.createMicros(id) : OdooTime.parseMicros(created.toString());
            long w = written == null ? c : OdooTime.parseMicros(written.toString());
            table.restore(id, table.row(id), c, w, table.createUid(id), table.writeUid(id));
        }
        return id;
    }

    private int createOne(ModelDef model, Map<?, ?> given, boolean withVariant) {
        Map<?, ?> vals = AutomationModels.beforeCreate(records, model, given);
        Split split = split(model, vals);
        Object[] row = new Object[model.columns()];
        Defaults.fill(model, row, tx.micros());
        split.own.forEach((field, value) -> row[field.column()] = value);
        Table table = db.table(model.name());
        if (model.name().equals("product.product") && row[model.field("product_tmpl_id").column()] == null) {
            Map<String, Object> templateVals = split.related.getOrDefault("product_tmpl_id", new LinkedHashMap<>());
            split.related.remove("product_tmpl_id");
            row[model.field("product_tmpl_id").column()] = createOne(db.model("product.template"), templateVals, false);
        }
        Defaults.checkRequired(db, model, row);
        int id = table.insert(row, tx.micros(), tx.micros(), tx.uid());
        tx.onRollback(table, id, () -> table.delete(id));
        split.related.forEach((via, values) -> {
            Object target = records.get(table, id, model.field(via));
            if (target != null && !values.isEmpty()) {
                write(model.field(via).relation(), new int[] {(Integer) target}, values, false);
            }
        });
        applyInverse(model, id, split.inverse);
        if (withVariant && model.name().equals("product.template")) {
            createOne(db.model("product.product"), Map.of("product_tmpl_id", id), false);
        }
        event(table, id, "create");
        rules.checkConstraints(model, new int[] {id});
        return id;
    }

    /**
     * What Odoo's sale.order does on create: a quotation named {@code New} (or unnamed) gets the next number of the
     * sales sequence ({@code S00042}, here from its id), and its lines' subtotals and its untaxed and total amounts
     * are computed (FakeOdoo has no taxes: total = untaxed = sum of quantity × unit price).
     */
    private void settleSaleOrder(int orderId) {
        ModelDef orders = db.model("sale.order");
        Table orderTable = db.table("sale.order");
        ModelDef lines = db.model("sale.order.line");
        Table lineTable = db.table("sale.order.line");
        FieldDef orderField = lines.field("order_id");
        int[] referencing = lineTable.referencing(orderField.name(), orderId);
        List<Integer> mine = new ArrayList<>();
        if (referencing != null) {
            for (int l : referencing) {
                mine.add(l);
            }
        } else {
            lineTable.forEachId(l -> {
                if (Integer.valueOf(orderId).equals(lineTable.value(l, orderField))) {
                    mine.add(l);
                }
            });
        }
        double untaxed = 0.0;
        for (int l : mine) {
            Object[] row = lineTable.copyRow(l);
            double qty = row[lines.field("product_uom_qty").column()] instanceof Number n ? n.doubleValue() : 0.0;
            double price = row[lines.field("price_unit").column()] instanceof Number n ? n.doubleValue() : 0.0;
            double subtotal = Math.round(qty * price * 100.0) / 100.0;
            untaxed += subtotal;
            setIfPresent(lines, row, "price_subtotal", subtotal);
            setIfPresent(lines, row, "price_total", subtotal);
            update(lineTable, l, row);
        }
        Object[] row = orderTable.copyRow(orderId);
        Object name = row[orders.field("name").column()];
        if (name == null || "New".equals(name) || Boolean.FALSE.equals(name)) {
            row[orders.field("name").column()] = "S" + String.format(java.util.Locale.ROOT, "%05d", orderId);
        }
        untaxed = Math.round(untaxed * 100.0) / 100.0;
        setIfPresent(orders, row, "amount_untaxed", untaxed);
        setIfPresent(orders, row, "amount_total", untaxed);
        update(orderTable, orderId, row);
    }

    private static void setIfPresent(ModelDef model, Object[] row, String field, Object value) {
        FieldDef f = model.fields().stream().filter(x -> x.name().equals(field) && x.inRow()).findFirst().orElse(null);
        if (f != null) {
            row[f.column()] = value;
        }
    }

    private void update(Table table, int id, Object[] row) {
        Object[] old = table.row(id);
        long written = table.writeMicros(id);
        int wuid = table.writeUid(id);
        long created = table.createMicros(id);
        int cuid = table.createUid(id);
        table.update(id, row, tx.micros(), tx.uid());
        tx.onRollback(table, id, () -> table.restore(id, old, created, written, cuid, wuid));
    }

    /**
     * Deletes one record as PostgreSQL's foreign keys let it: the records of {@code cascade} keys go with it, the
     * many2ones of {@code set null} keys are emptied, and a record still pointing at it through a {@code restrict}
     * key refuses the delete (the call's transaction then puts everything back).
     */
    private void delete(Table table, int id) {
        ModelDef model = table.model();
        Map<String, Object> before = tx.recordsEvents() ? eventValues(table, id) : null;
        List<ForeignKeys.Reference> references = foreignKeys.to(model.name());
        for (ForeignKeys.Reference reference : references) {
            if (reference.policy() == ForeignKeys.Policy.CASCADE) {
                Table children = db.table(reference.model().name());
                for (int child : foreignKeys.referencing(reference, id)) {
                    if (children.exists(child) && !(children == table && child == id)) {
                        delete(children, child);
                    }
                }
            }
        }
        for (ForeignKeys.Reference reference : references) {
            Table children = db.table(reference.model().name());
            for (int child : foreignKeys.referencing(reference, id)) {
                if (!children.exists(child) || children == table && child == id) {
                    continue;
                }
                if (reference.policy() == ForeignKeys.Policy.RESTRICT) {
                    throw ForeignKeys.refusal(db.release(), reference);
                }
                if (reference.policy() == ForeignKeys.Policy.SET_NULL) {
                    Object[] row = children.copyRow(child);
                    row[reference.field().column()] = null;
                    update(children, child, row);
                }
            }
        }
        Object[] old = table.row(id);
        long created = table.createMicros(id);
        long written = table.writeMicros(id);
        int cuid = table.createUid(id);
        int wuid = table.writeUid(id);
        if (before != null) {
            // reported while the record still exists: base_automation evaluates on_unlink rules before deleting
            tx.event(new ChangeEvent(model.name(), id, "unlink", before));
        }
        table.delete(id);
        tx.onRollback(table, id, () -> table.restore(id, old, created, written, cuid, wuid));
    }

    private void applyInverse(ModelDef model, int id, Map<FieldDef, Object> commands) {
        commands.forEach((field, value) -> new X2manyCommands(this, records, field, id).apply(value));
    }

    /** Sets or clears the inverse many2one of a one2many child; used by x2many commands. */
    void setParent(String childModel, int childId, String inverseField, Integer parentId) {
        Table children = db.table(childModel);
        Object[] row = children.copyRow(childId);
        row[children.model().field(inverseField).column()] = parentId;
        update(children, childId, row);
        event(children, childId, "write");
    }

    /** Replaces the ids of a many2many field. */
    void setMany2many(String modelName, int id, FieldDef field, int[] ids) {
        Table table = db.table(modelName);
        Object[] row = table.copyRow(id);
        row[field.column()] = ids;
        update(table, id, row);
    }

    /** Writes values on one record (x2many update commands). */
    void writeRecord(String modelName, int id, Map<?, ?> vals) {
        write(modelName, new int[] {id}, vals, false);
    }

    void deleteRecord(String modelName, int id) {
        unlinkRows(db.table(modelName), new int[] {id});
    }

    int createRecord(String modelName, Map<?, ?> vals) {
        return createOne(db.model(modelName), vals, true);
    }

    private void event(Table table, int id, String action) {
        event(table, id, action, null);
    }

    private void event(Table table, int id, String action, Map<String, Object> previous) {
        if (!tx.recordsEvents()) {
            return;
        }
        tx.event(new ChangeEvent(table.model().name(), id, action, eventValues(table, id), previous));
    }

    /** The written fields with their values before the write, as a change event carries values. */
    private Map<String, Object> previousValues(Table table, int id, Map<?, ?> vals) {
        Map<String, Object> previous = new TreeMap<>();
        for (Object key : vals.keySet()) {
            FieldDef field = table.model().field(String.valueOf(key));
            if (field != null && field.compute() != Compute.STOCK_QTY) {
                previous.put(field.name(), WireValues.toEvent(field, records.get(table, id, field)));
            }
        }
        return previous;
    }

    private Map<String, Object> eventValues(Table table, int id) {
        Map<String, Object> values = new TreeMap<>();
        for (FieldDef field : table.model().fields()) {
            if (field.compute() == Compute.STORED || field.compute() == Compute.MAGIC
                    || field.compute() == Compute.RELATED) {
                values.put(field.name(), WireValues.toEvent(field, records.get(table, id, field)));
            }
        }
        return values;
    }

    private Split split(ModelDef model, Map<?, ?> vals) {
        Split split = new Split();
        vals.forEach((key, value) -> {
            FieldDef field = model.field(String.valueOf(key));
            if (field == null) {
                throw new OrmFault(FaultKind.KEY_ERROR, String.valueOf(key));
            }
            switch (field.compute()) {
                case STORED -> {
                    if (field.type() == FieldType.MANY2MANY) {
                        split.inverse.put(field, value);
                    } else {
                        split.own.put(field, WireValues.fromWire(model, field, value));
                    }
                }
                case RELATED -> split.related.computeIfAbsent(field.viaField(), v -> new LinkedHashMap<>())
                        .put(field.target(), value);
                case INVERSE -> split.inverse.put(field, value);
                default -> {
                }
            }
        });
        return split;
    }

    /** Written values sorted by where they go. */
    private static final class Split {
        final Map<FieldDef, Object> own = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> related = new LinkedHashMap<>();
        final Map<FieldDef, Object> inverse = new LinkedHashMap<>();
    }
}
