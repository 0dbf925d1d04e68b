package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The records below ({@code child_of}) or above ({@code parent_of}) some records of a model with a parent field. */
final class Hierarchy {
    private final String model;
    private final String parentField;

    Hierarchy(String model, String parentField) {
        this.model = model;
        this.parentField = parentField;
    }

    /** The parent field of a model ({@code parent_id}, or stock.location's {@code location_id}), or null. */
    static String parentField(ModelDef model) {
        if (model.name().equals("stock.location")) {
            return "location_id";
        }
        FieldDef parent = model.field("parent_id");
        return parent != null && parent.inRow() && model.name().equals(parent.relation()) ? "parent_id" : null;
    }

    Set<Integer> resolve(Records records, Object value, boolean descendants) {
        Table table = records.db().table(model);
        List<Integer> roots = new ArrayList<>();
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        for (Object item : items) {
            if (item instanceof Number n) {
                roots.add(n.intValue());
            } else if (item instanceof String name) {
                table.forEachId(id -> {
                    if (records.displayName(table, id).toLowerCase().contains(name.toLowerCase())) {
                        roots.add(id);
                    }
                });
            }
        }
        Set<Integer> result = new HashSet<>();
        if (parentField == null) {
            result.addAll(roots);
            return result;
        }
        FieldDef parent = table.model().field(parentField);
        Deque<Integer> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            int id = todo.poll();
            if (!table.exists(id) || !result.add(id)) {
                continue;
            }
            if (descendants) {
                int[] children = table.referencing(parentField, id);
                if (children == null) {
                    table.forEachId(child -> {
                        if (Integer.valueOf(id).equals(table.value(child, parent))) {
                            todo.add(child);
                        }
                    });
                } else {
                    for (int child : children) {
                        todo.add(child);
                    }
                }
            } else {
                Object up = table.value(id, parent);
                if (up != null) {
                    todo.add((Integer) up);
                }
            }
        }
        return result;
    }
}
