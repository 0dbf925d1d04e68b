package dev.odoobridge.testkit.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the sales history day by day: each day's demand becomes confirmed orders with their
 * lines and done outgoing moves (delivered the same day), plus some cancelled orders and, in
 * the last week, open quotations. Order names follow the order dates.
 */
final class SalesWriter {

    private static final int STATE_SALE = 0;
    private static final int STATE_CANCEL = 1;
    private static final int STATE_DRAFT = 2;
    private static final String[] STATES = {"sale", "cancel", "draft"};
    private static final int OPEN_HOURS_START = 8 * 3600;
    private static final int OPEN_SECONDS = 10 * 3600;

    /** One order of a day before it is written. */
    private record Pending(int second, int warehouse, int state, int[] products, int[] quantities) {
    }

    private final Emitter out;
    private final MasterData master;
    private final Catalog catalog;
    private final DemandModel demand;
    private final StockPlan plan;
    private final Timeline time;
    private final SplittableRandom random;
    private final int[] selling;
    private int orderNumber;
    private final int[] outNumbers;

    SalesWriter(Emitter out, MasterData master, Catalog catalog, DemandModel demand, StockPlan plan, Timeline time,
            SplittableRandom random) {
        this.out = out;
        this.master = master;
        this.catalog = catalog;
        this.demand = demand;
        this.plan = plan;
        this.time = time;
        this.random = random;
        int count = 0;
        int[] ids = new int[catalog.size];
        for (int p = 0; p < catalog.size; p++) {
            if (demand.sells(p)) {
                ids[count++] = p;
            }
        }
        this.selling = Arrays.copyOf(ids, count);
        this.outNumbers = new int[master.warehouseIds().length];
    }

    void write() {
        int[] products = new int[Math.max(1, selling.length)];
        int[] quantities = new int[products.length];
        List<Pending> day = new ArrayList<>();
        for (int d = 0; d < time.days(); d++) {
            day.clear();
            for (int w = 0; w < plan.warehouses; w++) {
                int n = 0;
                for (int p : selling) {
                    int q = demand.demand(p, w, d);
                    if (q > 0) {
                        products[n] = p;
                        quantities[n++] = q;
                    }
                }
                shuffle(products, quantities, n);
                for (int start = 0; start < n; ) {
                    int size = 1;
                    while (size < 8 && random.nextInt(10) < 6) {
                        size++;
                    }
                    int end = Math.min(n, start + size);
                    day.add(pending(w, STATE_SALE, products, quantities, start, end));
                    extras(day, w, d);
                    start = end;
                }
            }
            day.sort(Comparator.comparingInt(Pending::second));
            long dayStart = time.dayStart(d);
            for (Pending order : day) {
                writeOrder(order, dayStart);
            }
        }
    }

    private Pending pending(int w, int state, int[] products, int[] quantities, int from, int to) {
        int second = OPEN_HOURS_START + random.nextInt(OPEN_SECONDS);
        return new Pending(second, w, state, Arrays.copyOfRange(products, from, to),
                Arrays.copyOfRange(quantities, from, to));
    }

    /** Now and then a cancelled order; in the last week also open quotations. */
    private void extras(List<Pending> day, int w, int d) {
        int roll = random.nextInt(100);
        int state;
        if (roll < 3) {
            state = STATE_CANCEL;
        } else if (roll < 11 && d >= time.days() - 7) {
            state = STATE_DRAFT;
        } else {
            return;
        }
        int lines = 1 + random.nextInt(3);
        int[] products = new int[lines];
        int[] quantities = new int[lines];
        for (int i = 0; i < lines; i++) {
            products[i] = random.nextInt(catalog.size);
            quantities[i] = 1 + random.nextInt(6);
        }
        day.add(pending(w, state, products, quantities, 0, lines));
    }

    private void writeOrder(Pending order, long dayStart) {
        long placed = dayStart + order.second();
        boolean sale = order.state() == STATE_SALE;
        long delivered = placed + 1800 + random.nextInt(9000);
        int lines = order.products().length;
        double[] prices = new double[lines];
        double[] subtotals = new double[lines];
        double untaxed = 0;
        for (int i = 0; i < lines; i++) {
            double list = catalog.listPrices[order.products()[i]];
            prices[i] = random.nextInt(20) == 0 ? Catalog.money(list * 0.9) : list;
            subtotals[i] = Catalog.money(prices[i] * order.quantities()[i]);
            untaxed += subtotals[i];
        }
        untaxed = Catalog.money(untaxed);
        String name = SequenceName.of("S", ++orderNumber, 5);
        String state = STATES[order.state()];
        String placedText = WireTime.dateTime(placed);
        Map<String, Object> o = Emitter.values(9);
        o.put("name", name);
        o.put("partner_id", buyer());
        o.put("date_order", placedText);
        o.put("state", state);
        o.put("amount_untaxed", untaxed);
        o.put("amount_total", untaxed);
        o.put("warehouse_id", master.warehouseIds()[order.warehouse()]);
        o.put("user_id", out.userId());
        o.put("company_id", master.companyId());
        long written = sale ? delivered : order.state() == STATE_CANCEL ? placed + 60 + random.nextInt(7200) : placed;
        long orderId = out.insert("sale.order", o, placed, written);
        for (int i = 0; i < lines; i++) {
            int p = order.products()[i];
            double qty = order.quantities()[i];
            Map<String, Object> l = Emitter.values(8);
            l.put("order_id", orderId);
            l.put("product_id", catalog.productIds[p]);
            l.put("name", catalog.lineNames[p]);
            l.put("product_uom_qty", qty);
            l.put("qty_delivered", sale ? qty : 0.0);
            l.put("price_unit", prices[i]);
            l.put("price_subtotal", subtotals[i]);
            l.put("price_total", subtotals[i]);
            l.put("state", state);
            long lineId = out.insert("sale.order.line", l, placed, written);
            if (sale) {
                delivery(order.warehouse(), p, qty, name, lineId, delivered);
            }
        }
    }

    private void delivery(int w, int p, double qty, String origin, long lineId, long at) {
        String code = master.warehouseCodes()[w];
        Map<String, Object> m = Emitter.values(10);
        m.put("reference", SequenceName.of(code + "/OUT/", ++outNumbers[w], 5));
        m.put("origin", origin);
        out.flavour().moveName(m, catalog.lineNames[p]);
        m.put("product_id", catalog.productIds[p]);
        m.put("product_uom_qty", qty);
        m.put("quantity", qty);
        m.put("location_id", master.stockLocationIds()[w]);
        m.put("location_dest_id", master.customerLocationId());
        m.put("state", "done");
        m.put("date", WireTime.dateTime(at));
        m.put("sale_line_id", lineId);
        out.insert("stock.move", m, at, at);
        int slot = plan.slot(p, w);
        plan.lastMoveSecond[slot] = Math.max(plan.lastMoveSecond[slot], at);
    }

    /** Regular customers buy far more often than occasional ones. */
    private long buyer() {
        long[] buyers = master.buyerIds();
        double u = random.nextDouble();
        return buyers[(int) (buyers.length * u * u)];
    }

    private void shuffle(int[] products, int[] quantities, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int p = products[i];
            products[i] = products[j];
            products[j] = p;
            int q = quantities[i];
            quantities[i] = quantities[j];
            quantities[j] = q;
        }
    }
}
