package dev.odoobridge.examples.testing;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Application code to be tested: proposes what to reorder in one warehouse, from Odoo's
 * reordering rules and the on-hand quantity of each product in that warehouse.
 */
public final class ReorderAdvisor {
    private final OdooClient odoo;
    private List<String> ruleFields;

    /** Over a client of the shop's Odoo. */
    public ReorderAdvisor(OdooClient odoo) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
    }

    /**
     * The rule fields to read: the minimum and maximum, and the multiple where the server has one (reordering rules
     * have {@code qty_multiple} on Odoo 17.0 and 18.0, not on 19.0), asked once from the server's own schema.
     */
    private synchronized List<String> ruleFields() {
        if (ruleFields == null) {
            List<String> fields = new ArrayList<>(List.of("product_id", "product_min_qty", "product_max_qty"));
            if (odoo.model("stock.warehouse.orderpoint").fieldsGet(List.of("type")).fields().containsKey("qty_multiple")) {
                fields.add("qty_multiple");
            }
            ruleFields = List.copyOf(fields);
        }
        return ruleFields;
    }

    /**
     * Products of {@code warehouseId} below their reordering rule's minimum, with the quantity
     * that brings them back to the maximum (rounded up to the rule's multiple where the server has one), most
     * urgent first.
     */
    public List<Proposal> proposals(long warehouseId) {
        List<OdooRecord> rules = odoo.model("stock.warehouse.orderpoint").searchRead(
                Domains.eq("warehouse_id", warehouseId), ruleFields());
        if (rules.isEmpty()) {
            return List.of();
        }
        List<Long> productIds = rules.stream().map(r -> r.getRef("product_id").id()).distinct().toList();
        Map<Long, OdooRecord> products = odoo.model("product.product").searchRead(Domains.in("id", productIds),
                        List.of("display_name", "qty_available"), SearchOptions.DEFAULT.context("warehouse", warehouseId))
                .stream().collect(Collectors.toMap(OdooRecord::id, Function.identity()));
        List<Proposal> proposals = new ArrayList<>();
        for (OdooRecord rule : rules) {
            OdooRecord product = products.get(rule.getRef("product_id").id());
            if (product == null) {
                continue; // archived product: its rule does not apply
            }
            double onHand = product.getDouble("qty_available");
            double min = rule.getDouble("product_min_qty");
            if (onHand < min) {
                double multiple = rule.has("qty_multiple") && rule.getDouble("qty_multiple") > 0
                        ? rule.getDouble("qty_multiple") : 1;
                double quantity = Math.ceil((rule.getDouble("product_max_qty") - onHand) / multiple) * multiple;
                proposals.add(new Proposal(product.id(), product.getString("display_name"), onHand, min, quantity));
            }
        }
        proposals.sort(Comparator.comparingDouble((Proposal p) -> p.onHand() / Math.max(p.minimum(), 1e-9)));
        return proposals;
    }

    /**
     * One product to reorder.
     *
     * @param productId product.product id
     * @param name display name
     * @param onHand on hand in the warehouse
     * @param minimum the rule's minimum
     * @param quantity proposed quantity
     */
    public record Proposal(long productId, String name, double onHand, double minimum, double quantity) {
    }

    /** {@code ReorderAdvisor <url> <database> <login> <password-or-api-key> <warehouse-id>}. */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ReorderAdvisor <url> <database> <login> <password-or-api-key> <warehouse-id>");
            System.exit(2);
        }
        OdooConfig config = OdooConfig.builder().url(args[0]).database(args[1]).login(args[2]).secret(args[3]).build();
        try (OdooClient odoo = OdooClients.create(config)) {
            for (Proposal p : new ReorderAdvisor(odoo).proposals(Long.parseLong(args[4]))) {
                System.out.printf("%-50s on hand %8.1f  min %8.1f  order %8.1f%n", p.name(), p.onHand(), p.minimum(),
                        p.quantity());
            }
        }
    }
}
