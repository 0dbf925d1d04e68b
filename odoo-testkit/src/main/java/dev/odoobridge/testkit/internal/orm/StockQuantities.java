package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * product.product's non-stored stock quantities, like Odoo: on hand = quants in internal locations; incoming /
 * outgoing = waiting, confirmed or assigned moves into / out of those locations; forecast = on hand + incoming -
 * outgoing. The context's {@code location} or {@code warehouse} restricts the locations to that subtree.
 */
final class StockQuantities {
    private static final Set<String> PENDING = Set.of("waiting", "confirmed", "partially_available", "assigned");
    private final Records records;
    private final Table locations;
    private final Set<Integer> scope;

    StockQuantities(Records records) {
        this.records = records;
        Database db = records.db();
        this.locations = db.table("stock.location");
        Integer root = records.ctx().location();
        if (root == null && records.ctx().warehouse() != null) {
            Table warehouses = db.table("stock.warehouse");
            int wh = records.ctx().warehouse();
            Object view = warehouses.exists(wh) ? warehouses.value(wh, warehouses.model().field("view_location_id"))
                    : null;
            root = view == null ? -1 : (Integer) view;
        }
        this.scope = root == null ? null : subtree(root);
    }

    double quantity(int productId, String field) {
        return switch (field) {
            case "qty_available" -> onHand(productId);
            case "incoming_qty" -> moves(productId, true);
            case "outgoing_qty" -> moves(productId, false);
            case "virtual_available" -> onHand(productId) + moves(productId, true) - moves(productId, false);
            default -> throw new IllegalArgumentException("not a stock quantity: " + field);
        };
    }

    private double onHand(int productId) {
        Table quants = records.db().table("stock.quant");
        FieldDef location = quants.model().field("location_id");
        FieldDef quantity = quants.model().field("quantity");
        double sum = 0;
        for (int quant : quants.referencing("product_id", productId)) {
            Object loc = quants.value(quant, location);
            Object qty = quants.value(quant, quantity);
            if (loc != null && qty != null && counts((Integer) loc)) {
                sum += (Double) qty;
            }
        }
        return sum;
    }

    private double moves(int productId, boolean incoming) {
        Table moves = records.db().table("stock.move");
        ModelDef model = moves.model();
        double sum = 0;
        for (int move : moves.referencing("product_id", productId)) {
            Object state = moves.value(move, model.field("state"));
            if (state == null || !PENDING.contains(state)) {
                continue;
            }
            boolean fromInside = inside(moves.value(move, model.field("location_id")));
            boolean toInside = inside(moves.value(move, model.field("location_dest_id")));
            Object qty = moves.value(move, model.field("product_uom_qty"));
            if (qty != null && (incoming ? toInside && !fromInside : fromInside && !toInside)) {
                sum += (Double) qty;
            }
        }
        return sum;
    }

    private boolean inside(Object location) {
        return location != null && counts((Integer) location);
    }

    private boolean counts(int location) {
        if (!locations.exists(location)) {
            return false;
        }
        Object usage = locations.value(location, locations.model().field("usage"));
        return "internal".equals(usage) && (scope == null || scope.contains(location));
    }

    private Set<Integer> subtree(int root) {
        Set<Integer> ids = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            int id = todo.poll();
            if (locations.exists(id) && ids.add(id)) {
                for (int child : locations.referencing("location_id", id)) {
                    todo.add(child);
                }
            }
        }
        return ids;
    }
}
