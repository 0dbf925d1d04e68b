package dev.odoobridge.vendors.restock;

import dev.odoobridge.client.OdooClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes restock orders to Odoo as draft purchase orders with their lines. */
final class PurchaseOrderWriter {
    /** Odoo replaces this name with the next purchase sequence number on create. */
    private static final String NEW_NAME = "New";
    private static final String ORIGIN = "odoo-bridge restock proposal";
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseOrderWriter.class);

    private final Map<String, OdooClient> sources;

    PurchaseOrderWriter(Map<String, OdooClient> sources) {
        this.sources = sources;
    }

    List<CreatedOrder> create(RestockPlan plan) {
        for (RestockOrder order : plan.orders()) {
            if (!sources.containsKey(order.source())) {
                throw new IllegalArgumentException("the plan has an order for source '" + order.source()
                        + "', which is not configured; nothing was created");
            }
        }
        List<CreatedOrder> created = new ArrayList<>();
        for (RestockOrder order : plan.orders()) {
            OdooClient odoo = sources.get(order.source());
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("name", NEW_NAME);
            header.put("partner_id", order.partnerId());
            header.put("state", "draft");
            header.put("origin", ORIGIN);
            long orderId = odoo.model("purchase.order").create(header);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (RestockLine line : order.lines()) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("order_id", orderId);
                values.put("product_id", line.productId());
                values.put("name", line.productName() == null ? "Product " + line.productId() : line.productName());
                values.put("product_qty", line.quantity());
                values.put("price_unit", line.unitPrice());
                lines.add(values);
            }
            List<Long> lineIds = odoo.model("purchase.order.line").create(lines);
            LOG.info("created draft purchase order {} with {} lines for partner {} in {}", orderId, lineIds.size(),
                    order.partnerId(), order.source());
            created.add(new CreatedOrder(order.source(), order.partnerId(), orderId, lineIds));
        }
        return List.copyOf(created);
    }
}
