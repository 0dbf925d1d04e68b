package dev.odoobridge.testkit.internal.data;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans stock before the sales are written: reordering rules sized from demand, the quantity on
 * hand at "now" (spread over Urgent, Moderate and Healthy), lots with expiry dates, and opening
 * inventory moves so that opening stock minus deliveries equals the final quants.
 */
final class StockWriter {

    private final Emitter out;
    private final GeneratorOptions options;
    private final MasterData master;
    private final Catalog catalog;
    private final DemandModel demand;
    private final Timeline time;
    private final SetupClock clock;
    private final SplittableRandom random;

    StockWriter(Emitter out, GeneratorOptions options, MasterData master, Catalog catalog, DemandModel demand,
            Timeline time, SetupClock clock, SplittableRandom random) {
        this.out = out;
        this.options = options;
        this.master = master;
        this.catalog = catalog;
        this.demand = demand;
        this.time = time;
        this.clock = clock;
        this.random = random;
    }

    /** Epoch second of the opening inventory: 23:00 UTC on the day before history. */
    static long openingSecond(Timeline time) {
        return time.firstDay() * WireTime.DAY - 3600;
    }

    StockPlan write() {
        int warehouses = options.warehouses();
        StockPlan plan = new StockPlan(catalog.size, warehouses);
        sumDeliveries(plan);
        int forcedLotProduct = firstPerishable();
        int orderpoints = 0;
        for (int p = 0; p < catalog.size; p++) {
            for (int w = 0; w < warehouses; w++) {
                int slot = plan.slot(p, w);
                if (random.nextInt(10) < 9) {
                    orderpoint(plan, p, w, ++orderpoints);
                }
                plan.finalQty[slot] = finalQuantity(plan, slot, p == forcedLotProduct);
            }
        }
        lots(plan, forcedLotProduct);
        openingMoves(plan);
        return plan;
    }

    private void sumDeliveries(StockPlan plan) {
        for (int p = 0; p < catalog.size; p++) {
            if (!demand.sells(p)) {
                continue;
            }
            for (int w = 0; w < plan.warehouses; w++) {
                long sum = 0;
                for (int d = 0; d < time.days(); d++) {
                    sum += demand.demand(p, w, d);
                }
                plan.delivered[plan.slot(p, w)] = sum;
            }
        }
    }

    private int firstPerishable() {
        for (int p = 0; p < catalog.size; p++) {
            if (catalog.perishable(p)) {
                return p;
            }
        }
        return -1;
    }

    private void orderpoint(StockPlan plan, int p, int w, int number) {
        int slot = plan.slot(p, w);
        int pack = catalog.packs[p];
        int min;
        if (demand.sells(p)) {
            double perDay = (double) plan.delivered[slot] / time.days();
            min = (int) Math.ceil(perDay * (catalog.leadDays[p] + 3) * 1.2);
        } else {
            min = 2 + random.nextInt(10);
        }
        min = Math.max(2, min);
        int max = Math.max(min + pack, (2 * min + pack - 1) / pack * pack);
        plan.minQty[slot] = min;
        plan.maxQty[slot] = max;
        Map<String, Object> v = Emitter.values(7);
        v.put("name", SequenceName.of("OP/", number, 5));
        v.put("product_id", catalog.productIds[p]);
        v.put("warehouse_id", master.warehouseIds()[w]);
        v.put("location_id", master.stockLocationIds()[w]);
        v.put("product_min_qty", (double) min);
        v.put("product_max_qty", (double) max);
        if (out.flavour().hasQtyMultiple()) {
            v.put("qty_multiple", (double) pack);
        }
        v.put("active", Boolean.TRUE);
        long created = clock.next();
        out.insert("stock.warehouse.orderpoint", v, created, time.writeAfter(created, 0.1, random));
    }

    /** Urgent q <= min (20 %), Moderate min < q <= 1.5 min (20 %), Healthy above (60 %). */
    private int finalQuantity(StockPlan plan, int slot, boolean keepHealthy) {
        int min = plan.hasOrderpoint(slot) ? plan.minQty[slot] : 4 + random.nextInt(12);
        int moderateTop = min * 3 / 2;
        int roll = keepHealthy ? 99 : random.nextInt(100);
        if (roll < 20) {
            return random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(min);
        }
        if (roll < 40) {
            return min + 1 + random.nextInt(moderateTop - min);
        }
        int spread = Math.max(plan.maxQty[slot], 2 * min);
        return moderateTop + 1 + random.nextInt(spread);
    }

    private void lots(StockPlan plan, int forced) {
        int expected = catalog.size / 2 + 4;
        long[] ids = new long[expected];
        byte[] classes = new byte[expected];
        long[] created = new long[expected];
        int count = 0;
        for (int p = 0; p < catalog.size; p++) {
            plan.lotStart[p] = count;
            if (!catalog.perishable(p)) {
                continue;
            }
            int n = p == forced ? 3 : 1 + random.nextInt(3);
            if (count + n > ids.length) {
                int grown = Math.max(count + n, ids.length * 2);
                ids = Arrays.copyOf(ids, grown);
                classes = Arrays.copyOf(classes, grown);
                created = Arrays.copyOf(created, grown);
            }
            for (int k = 0; k < n; k++) {
                byte lotClass = p == forced ? forcedClass(k) : randomClass();
                long at = clock.next();
                ids[count] = lot(p, k, lotClass, at);
                classes[count] = lotClass;
                created[count] = at;
                count++;
            }
        }
        plan.lotStart[catalog.size] = count;
        plan.lotIds = Arrays.copyOf(ids, count);
        plan.lotClasses = Arrays.copyOf(classes, count);
        plan.lotCreated = Arrays.copyOf(created, count);
    }

    private byte forcedClass(int k) {
        if (k == 0 && options.expiredLotShare() > 0) {
            return StockPlan.LOT_EXPIRED;
        }
        if (k == 1 && options.nearExpiryLotShare() > 0) {
            return StockPlan.LOT_NEAR_EXPIRY;
        }
        return randomClass();
    }

    private byte randomClass() {
        double u = random.nextDouble();
        if (u < options.expiredLotShare()) {
            return StockPlan.LOT_EXPIRED;
        }
        return u < options.expiredLotShare() + options.nearExpiryLotShare() ? StockPlan.LOT_NEAR_EXPIRY
                : StockPlan.LOT_FRESH;
    }

    private long lot(int p, int k, byte lotClass, long created) {
        long now = time.nowSecond();
        long expiry = switch (lotClass) {
            case StockPlan.LOT_EXPIRED ->
                Math.max(created + WireTime.DAY, now - WireTime.DAY - random.nextLong(45 * WireTime.DAY));
            case StockPlan.LOT_NEAR_EXPIRY -> now + 3600 + random.nextLong(29 * WireTime.DAY);
            default -> now + 31 * WireTime.DAY + random.nextLong(300 * WireTime.DAY);
        };
        Map<String, Object> v = Emitter.values(4);
        v.put("name", "LOT-" + catalog.codes[p] + '-' + (k + 1));
        v.put("product_id", catalog.productIds[p]);
        if (out.flavour().productExpiry()) {
            v.put("expiration_date", WireTime.dateTime(expiry));
        }
        v.put("company_id", master.companyId());
        return out.insert("stock.lot", v, created, created);
    }

    private void openingMoves(StockPlan plan) {
        long at = openingSecond(time);
        int number = 0;
        for (int p = 0; p < catalog.size; p++) {
            for (int w = 0; w < plan.warehouses; w++) {
                int slot = plan.slot(p, w);
                if (plan.delivered[slot] == 0) {
                    continue;
                }
                double qty = plan.finalQty[slot] + plan.delivered[slot];
                Map<String, Object> v = Emitter.values(9);
                v.put("reference", SequenceName.of(master.warehouseCodes()[w] + "/INV/", ++number, 5));
                v.put("origin", "Opening inventory");
                out.flavour().moveName(v, "Product Quantity Updated");
                v.put("product_id", catalog.productIds[p]);
                v.put("product_uom_qty", qty);
                v.put("quantity", qty);
                v.put("location_id", master.inventoryLocationId());
                v.put("location_dest_id", master.stockLocationIds()[w]);
                v.put("state", "done");
                v.put("date", WireTime.dateTime(at));
                out.insert("stock.move", v, at, at);
                plan.lastMoveSecond[slot] = at;
            }
        }
    }
}
