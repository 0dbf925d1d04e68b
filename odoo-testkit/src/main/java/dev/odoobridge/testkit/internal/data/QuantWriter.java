package dev.odoobridge.testkit.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the quants at "now": per product and warehouse the planned final quantity, split over
 * the product's lots (perishables) or partly onto a shelf sub-location. Quants of quantity zero
 * are not written, as Odoo removes them.
 */
final class QuantWriter {

    private static final int SAMPLE = 20;

    private final Emitter out;
    private final MasterData master;
    private final Catalog catalog;
    private final StockPlan plan;
    private final Timeline time;
    private final SplittableRandom random;
    private final List<Long> expiredLotsWithStock = new ArrayList<>();
    private final List<Long> nearExpiryLotsWithStock = new ArrayList<>();

    QuantWriter(Emitter out, MasterData master, Catalog catalog, StockPlan plan, Timeline time,
            SplittableRandom random) {
        this.out = out;
        this.master = master;
        this.catalog = catalog;
        this.plan = plan;
        this.time = time;
        this.random = random;
    }

    void write() {
        long opening = StockWriter.openingSecond(time);
        for (int p = 0; p < catalog.size; p++) {
            int lotFrom = plan.lotStart[p];
            int lots = plan.lotStart[p + 1] - lotFrom;
            for (int w = 0; w < plan.warehouses; w++) {
                int slot = plan.slot(p, w);
                int qty = plan.finalQty[slot];
                if (qty == 0) {
                    continue;
                }
                long written = Math.max(opening, plan.lastMoveSecond[slot]);
                long stock = master.stockLocationIds()[w];
                if (lots > 0) {
                    splitOverLots(p, stock, qty, lotFrom, lots, opening, written);
                } else if (qty >= 4 && random.nextInt(7) == 0) {
                    long[] shelves = master.shelfLocationIds()[w];
                    int onShelf = 1 + random.nextInt(qty / 2);
                    quant(p, stock, 0, qty - onShelf, opening, opening, written);
                    quant(p, shelves[random.nextInt(shelves.length)], 0, onShelf, opening, opening, written);
                } else {
                    quant(p, stock, 0, qty, opening, opening, written);
                }
            }
        }
    }

    List<Long> expiredLotsWithStock() {
        return expiredLotsWithStock;
    }

    List<Long> nearExpiryLotsWithStock() {
        return nearExpiryLotsWithStock;
    }

    /** Every lot gets at least one unit when there are enough units; the rest is spread at random. */
    private void splitOverLots(int p, long location, int qty, int lotFrom, int lots, long opening, long written) {
        int[] share = new int[lots];
        int left = qty;
        if (qty >= lots) {
            for (int k = 0; k < lots; k++) {
                share[k] = 1;
            }
            left -= lots;
        }
        for (int k = 0; k < lots - 1 && left > 0; k++) {
            int part = random.nextInt(left + 1);
            share[k] += part;
            left -= part;
        }
        share[lots - 1] += left;
        for (int k = 0; k < lots; k++) {
            if (share[k] == 0) {
                continue;
            }
            int lot = lotFrom + k;
            long created = Math.max(opening, plan.lotCreated[lot]);
            quant(p, location, plan.lotIds[lot], share[k], created, plan.lotCreated[lot], Math.max(created, written));
            remember(plan.lotClasses[lot], plan.lotIds[lot]);
        }
    }

    private void remember(byte lotClass, long lotId) {
        if (!out.flavour().productExpiry()) {
            return;
        }
        List<Long> sample = lotClass == StockPlan.LOT_EXPIRED ? expiredLotsWithStock
                : lotClass == StockPlan.LOT_NEAR_EXPIRY ? nearExpiryLotsWithStock : null;
        if (sample != null && sample.size() < SAMPLE && !sample.contains(lotId)) {
            sample.add(lotId);
        }
    }

    private void quant(int p, long location, long lot, int qty, long created, long inDate, long written) {
        Map<String, Object> v = Emitter.values(6);
        v.put("product_id", catalog.productIds[p]);
        v.put("location_id", location);
        if (lot != 0) {
            v.put("lot_id", lot);
        }
        v.put("quantity", (double) qty);
        v.put("reserved_quantity", random.nextInt(12) == 0 ? (double) (1 + random.nextInt(qty)) : 0.0);
        v.put("in_date", WireTime.dateTime(inDate));
        out.insert("stock.quant", v, created, written);
    }
}
