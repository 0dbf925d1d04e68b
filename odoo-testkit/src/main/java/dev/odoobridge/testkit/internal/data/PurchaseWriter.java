package dev.odoobridge.testkit.internal.data;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a few recent purchase orders per vendor — quotations (draft, sent) and confirmed ones —
 * with lines for the vendor's products; confirmed orders get their incoming (not yet done) moves.
 */
final class PurchaseWriter {

    private static final String[] STATES = {"draft", "draft", "sent", "purchase", "purchase", "purchase"};

    private final Emitter out;
    private final MasterData master;
    private final Catalog catalog;
    private final Timeline time;
    private final SplittableRandom random;

    PurchaseWriter(Emitter out, MasterData master, Catalog catalog, Timeline time, SplittableRandom random) {
        this.out = out;
        this.master = master;
        this.catalog = catalog;
        this.time = time;
        this.random = random;
    }

    void write() {
        int vendors = master.vendorIds().length;
        int[][] productsByVendor = productsByVendor(vendors);
        int orders = 0;
        long[] placed = new long[vendors * 2];
        int[] vendorOf = new int[placed.length];
        for (int v = 0; v < vendors; v++) {
            if (productsByVendor[v].length == 0) {
                continue;
            }
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                placed[orders] = time.nowSecond() - 600 - random.nextLong(14 * WireTime.DAY);
                vendorOf[orders++] = v;
            }
        }
        Integer[] order = new Integer[orders];
        for (int i = 0; i < orders; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(placed[a], placed[b]));
        int[] inNumbers = new int[master.warehouseIds().length];
        for (int i = 0; i < orders; i++) {
            int k = order[i];
            purchase(i + 1, vendorOf[k], productsByVendor[vendorOf[k]], placed[k], inNumbers);
        }
    }

    private int[][] productsByVendor(int vendors) {
        int[] counts = new int[vendors];
        for (int p = 0; p < catalog.size; p++) {
            counts[catalog.primaryVendors[p]]++;
        }
        int[][] out = new int[vendors][];
        for (int v = 0; v < vendors; v++) {
            out[v] = new int[counts[v]];
            counts[v] = 0;
        }
        for (int p = 0; p < catalog.size; p++) {
            int v = catalog.primaryVendors[p];
            out[v][counts[v]++] = p;
        }
        return out;
    }

    private void purchase(int number, int vendor, int[] products, long placed, int[] inNumbers) {
        String state = STATES[random.nextInt(STATES.length)];
        int lines = Math.min(products.length, 2 + random.nextInt(7));
        int[] chosen = pick(products, lines);
        double[] qty = new double[lines];
        double total = 0;
        for (int i = 0; i < lines; i++) {
            qty[i] = catalog.packs[chosen[i]] * (1.0 + random.nextInt(5));
            total += Catalog.money(qty[i] * catalog.vendorPrices[chosen[i]]);
        }
        String name = SequenceName.of("P", number, 5);
        Map<String, Object> po = Emitter.values(7);
        po.put("name", name);
        po.put("partner_id", master.vendorIds()[vendor]);
        po.put("date_order", WireTime.dateTime(placed));
        po.put("state", state);
        po.put("origin", "Replenishment");
        po.put("amount_total", Catalog.money(total));
        po.put("company_id", master.companyId());
        long written = Math.min(time.nowSecond(), placed + random.nextInt(3600));
        long orderId = out.insert("purchase.order", po, placed, written);
        int w = random.nextInt(master.warehouseIds().length);
        for (int i = 0; i < lines; i++) {
            int p = chosen[i];
            long planned = placed + catalog.leadDays[p] * WireTime.DAY;
            Map<String, Object> l = Emitter.values(7);
            l.put("order_id", orderId);
            l.put("product_id", catalog.productIds[p]);
            l.put("name", catalog.lineNames[p]);
            l.put("product_qty", qty[i]);
            l.put("price_unit", catalog.vendorPrices[p]);
            l.put("price_subtotal", Catalog.money(qty[i] * catalog.vendorPrices[p]));
            l.put("date_planned", WireTime.dateTime(planned));
            long lineId = out.insert("purchase.order.line", l, placed, written);
            if ("purchase".equals(state)) {
                Map<String, Object> m = Emitter.values(10);
                m.put("reference", SequenceName.of(master.warehouseCodes()[w] + "/IN/", ++inNumbers[w], 5));
                m.put("origin", name);
                out.flavour().moveName(m, catalog.lineNames[p]);
                m.put("product_id", catalog.productIds[p]);
                m.put("product_uom_qty", qty[i]);
                m.put("quantity", qty[i]);
                m.put("location_id", master.supplierLocationId());
                m.put("location_dest_id", master.stockLocationIds()[w]);
                m.put("state", "assigned");
                m.put("date", WireTime.dateTime(planned));
                m.put("purchase_line_id", lineId);
                out.insert("stock.move", m, written, written);
            }
        }
    }

    /** {@code n} distinct products from {@code products}, by a partial Fisher-Yates shuffle of a copy. */
    private int[] pick(int[] products, int n) {
        if (products.length <= 64) {
            int[] copy = products.clone();
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(copy.length - i);
                int t = copy[i];
                copy[i] = copy[j];
                copy[j] = t;
            }
            return Arrays.copyOf(copy, n);
        }
        int[] chosen = new int[n];
        int count = 0;
        while (count < n) {
            int candidate = products[random.nextInt(products.length)];
            boolean duplicate = false;
            for (int i = 0; i < count; i++) {
                duplicate |= chosen[i] == candidate;
            }
            if (!duplicate) {
                chosen[count++] = candidate;
            }
        }
        return chosen;
    }
}
