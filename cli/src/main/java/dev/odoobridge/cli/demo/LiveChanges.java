package dev.odoobridge.cli.demo;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Command;
import dev.odoobridge.readmodel.stock.LotStock;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.StockViews;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Changes the shop's Odoo through the client, as a cashier and a stock clerk would, and watches
 * each change reach the read model through the webhooks: a sale confirmed and delivered (the
 * sale order, its delivery move and the quant it empties) and an expired lot written off (its
 * quant deleted).
 */
final class LiveChanges {
    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(20);
    private static final double SOLD = 3;

    private final OdooClient odoo;
    private final StockViews stock;
    private final String source;
    private final RetailDataSummary data;
    private final Narrator narrator;
    private final List<Long> latenciesMillis = new ArrayList<>();

    LiveChanges(OdooClient odoo, StockViews stock, String source, RetailDataSummary data, Narrator narrator) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
        this.stock = Objects.requireNonNull(stock, "stock == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.data = Objects.requireNonNull(data, "data == null");
        this.narrator = Objects.requireNonNull(narrator, "narrator == null");
    }

    /** Milliseconds from each change's commit in Odoo to its arrival in the read model. */
    List<Long> latenciesMillis() {
        return List.copyOf(latenciesMillis);
    }

    /** A sale of the demo vendor's product, confirmed and delivered from stock. */
    void sell() {
        OdooRecord quant = quantToSellFrom();
        long productId = quant.getRef("product_id").id();
        long locationId = quant.getRef("location_id").id();
        double before = currentOnHand(productId);
        narrator.line("before: %s", describe(productId));

        long customer = odoo.model("res.partner").search(Domains.gt("customer_rank", 0),
                SearchOptions.DEFAULT.limit(1)).get(0);
        ModelHandle orders = odoo.model("sale.order");
        long order = orders.create(Map.of("partner_id", customer, "order_line", List.of(Command.create(Map.of(
                "product_id", productId, "product_uom_qty", SOLD)))));
        orders.call("action_confirm", List.of(order), Map.of());
        OdooRecord confirmed = orders.read(List.of(order), List.of("name", "state", "order_line")).get(0);
        String reference = confirmed.getString("name") != null ? confirmed.getString("name") : "sale.order " + order;
        narrator.line("sale.order %d (%s) created and confirmed, state '%s': %s x product %d", order, reference,
                confirmed.getString("state"), fmt(SOLD), productId);

        long move = odoo.model("stock.move").create(Map.of(
                "reference", reference, "origin", reference,
                "product_id", productId, "product_uom_qty", SOLD, "quantity", SOLD,
                "location_id", locationId, "location_dest_id", data.customerLocationId(), "state", "done",
                "date", LocalDateTime.now(ZoneOffset.UTC).format(ODOO_DATETIME),
                "sale_line_id", confirmed.getIds("order_line").get(0)));
        narrator.line("stock.move %d: delivery of %s units to the customer, done", move, fmt(SOLD));

        double left = quant.getDouble("quantity") - SOLD;
        odoo.model("stock.quant").write(List.of(quant.id()), Map.of("quantity", left));
        long changedAt = System.nanoTime();
        narrator.line("stock.quant %d: %s -> %s on hand in that location", quant.id(),
                fmt(quant.getDouble("quantity")), fmt(left));
        awaitArrival(productId, s -> Math.abs(s.onHand() - (before - SOLD)) < 1e-6, changedAt, "the delivery");
    }

    /** An expired lot written off: its quant is deleted in Odoo. */
    void writeOffExpiredLot() {
        OdooRecord quant = quantToWriteOff();
        long productId = quant.getRef("product_id").id();
        long lotId = quant.getRef("lot_id").id();
        double before = currentOnHand(productId);
        double lotBefore = lotQuantity(productId, lotId);
        double removed = quant.getDouble("quantity");
        narrator.line("before: %s", describe(productId));
        odoo.model("stock.quant").unlink(List.of(quant.id()));
        long changedAt = System.nanoTime();
        narrator.line("stock.quant %d of lot %s deleted (%s units written off)", quant.id(),
                quant.getRef("lot_id").name(), fmt(quant.getDouble("quantity")));
        awaitArrival(productId, s -> Math.abs(s.onHand() - (before - removed)) < 1e-6
                && Math.abs(lotQuantity(productId, lotId) - (lotBefore - removed)) < 1e-6, changedAt, "the deletion");
    }

    private OdooRecord quantToSellFrom() {
        List<Long> templates = odoo.model("product.supplierinfo")
                .searchRead(Domains.eq("partner_id", data.demoVendorId()), List.of("product_tmpl_id")).stream()
                .map(r -> r.getRef("product_tmpl_id").id()).distinct().toList();
        List<OdooRecord> quants = odoo.model("stock.quant").searchRead(Domains.and(
                        Domains.in("product_id.product_tmpl_id", templates), Domains.eq("lot_id", false),
                        Domains.in("location_id", data.stockLocationIds()), Domains.gt("quantity", SOLD * 2)),
                List.of("product_id", "location_id", "quantity"), SearchOptions.DEFAULT.order("id asc").limit(1));
        if (quants.isEmpty()) {
            throw new IllegalStateException("the generated data has no stock of the demo vendor's products to sell"
                    + "; run the demo with more --products");
        }
        return quants.get(0);
    }

    private OdooRecord quantToWriteOff() {
        List<OdooRecord> quants = data.expiredLotId().isPresent()
                ? odoo.model("stock.quant").searchRead(Domains.and(Domains.eq("lot_id", data.expiredLotId().getAsLong()),
                        Domains.gt("quantity", 0)), List.of("product_id", "lot_id", "quantity"),
                        SearchOptions.DEFAULT.limit(1))
                : List.of();
        if (quants.isEmpty()) {
            quants = odoo.model("stock.quant").searchRead(Domains.and(Domains.ne("lot_id", false),
                            Domains.gt("quantity", 0)), List.of("product_id", "lot_id", "quantity"),
                    SearchOptions.DEFAULT.order("id asc").limit(1));
        }
        if (quants.isEmpty()) {
            throw new IllegalStateException("the generated data has no lot in stock to write off; run the demo with"
                    + " more --products");
        }
        return quants.get(0);
    }

    /** The lot's quantity in the read model's lot view (0 when the lot is not listed). */
    private double lotQuantity(long productId, long lotId) {
        return stock.lots(source, productId).stream().filter(l -> l.lotId() == lotId).mapToDouble(LotStock::quantity)
                .sum();
    }

    private double currentOnHand(long productId) {
        return stock.product(source, productId).map(ProductStock::onHand).orElseThrow(() ->
                new IllegalStateException("product " + productId + " is not in the read model after the full sync"));
    }

    private void awaitArrival(long productId, Predicate<ProductStock> arrived, long changedAt, String what) {
        long deadline = changedAt + ARRIVAL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stock.product(source, productId).filter(arrived).isPresent()) {
                long millis = (System.nanoTime() - changedAt) / 1_000_000;
                latenciesMillis.add(millis);
                narrator.line("after:  %s", describe(productId));
                narrator.line("-> %s reached MongoDB through the webhook %d ms after the change in Odoo", what, millis);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what + " to reach MongoDB", e);
            }
        }
        throw new IllegalStateException(what + " did not reach MongoDB within " + ARRIVAL_TIMEOUT.toSeconds()
                + " s; the webhook receiver or processor is not delivering (run with -v for their logs)");
    }

    /** One line: the product's stock view as MongoDB has it now. */
    String describe(long productId) {
        ProductStock s = stock.product(source, productId).orElse(null);
        if (s == null) {
            return "product " + productId + " is not in MongoDB";
        }
        StringBuilder b = new StringBuilder();
        b.append(s.name())
                .append(": on hand ").append(fmt(s.onHand())).append(", reserved ").append(fmt(s.reserved()))
                .append(", incoming ").append(fmt(s.incoming())).append(", threshold ").append(fmt(s.threshold()));
        List<LotStock> lots = stock.lots(source, productId);
        if (!lots.isEmpty()) {
            b.append(", lots");
            for (LotStock l : lots) {
                b.append(' ').append(l.name()).append('=').append(fmt(l.quantity()));
            }
        }
        return b.toString();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
