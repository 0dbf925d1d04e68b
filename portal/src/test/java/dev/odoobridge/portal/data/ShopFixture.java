package dev.odoobridge.portal.data;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.StockOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory read model fed through its projector with records in the shapes Odoo sends (many2one
 * {@code [id, "name"]}, {@code False} for empty, naive UTC datetimes). Locations 5 (internal), 8 (vendors) and 9
 * (customers) exist in every source it is asked to fill.
 */
public final class ShopFixture implements AutoCloseable {
    /** The fixture's "now". */
    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    /** The fixture's today (UTC). */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String T0 = "2026-11-21 10:00:00";

    private final ReadModel model;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    public ShopFixture() {
        model = ReadModels.open(ReadModelConfig.builder().inMemory()
                .stockOptions(StockOptions.DEFAULTS.withDefaultThreshold(10)).build(), clock);
    }

    public ReadModel model() {
        return model;
    }

    public Clock clock() {
        return clock;
    }

    public ShopFixture locations(String source) {
        apply(source, "stock.location", List.of(location(5, "WH/Stock", "internal"), location(8, "Vendors", "supplier"),
                location(9, "Customers", "customer")));
        return this;
    }

    /** A product supplied by the partner with its on hand in location 5. */
    public ShopFixture product(String source, long id, String name, long partner, double onHand) {
        apply(source, "product.product", List.of(rec(id, "name", name, "display_name", name, "default_code", "C" + id,
                "barcode", Boolean.FALSE, "product_tmpl_id", m2o(id, name), "active", true)));
        apply(source, "product.supplierinfo", List.of(rec(id, "partner_id", m2o(partner, "Vendor " + partner),
                "product_tmpl_id", m2o(id, name), "product_id", m2o(id, name), "min_qty", 1.0, "price", 2.5,
                "product_code", Boolean.FALSE, "delay", 3)));
        apply(source, "stock.quant", List.of(quant(id, id, 5, onHand, 0)));
        return this;
    }

    /** A done move of the product on the day, at 09:00 UTC. */
    public ShopFixture move(String source, long id, long product, long from, long to, double qty, LocalDate day) {
        apply(source, "stock.move", List.of(rec(id, "product_id", m2o(product, "P" + product), "location_id", m2o(from, "L" + from),
                "location_dest_id", m2o(to, "L" + to), "product_uom_qty", qty, "quantity", qty, "state", "done",
                "date", day + " 09:00:00", "reference", "WH/" + id)));
        return this;
    }

    /** A lot of the product with a quant of the quantity in location 5; {@code expiry} null for none. */
    public ShopFixture lot(String source, long id, long product, String name, LocalDate expiry, double qty) {
        apply(source, "stock.lot", List.of(rec(id, "name", name, "product_id", m2o(product, "P" + product),
                "expiration_date", expiry == null ? Boolean.FALSE : expiry + " 00:00:00")));
        apply(source, "stock.quant", List.of(quant(1000 + id, product, 5, qty, id)));
        return this;
    }

    private void apply(String source, String m, List<OdooRecord> records) {
        model.projector().apply(source, m, records, NOW);
    }

    private static OdooRecord location(long id, String name, String usage) {
        return rec(id, "name", name, "complete_name", name, "usage", usage, "warehouse_id",
                usage.equals("internal") ? m2o(1, "WH") : Boolean.FALSE, "active", true);
    }

    private static OdooRecord quant(long id, long product, long location, double qty, long lot) {
        return rec(id, "product_id", m2o(product, "P" + product), "location_id", m2o(location, "L" + location),
                "lot_id", lot == 0 ? Boolean.FALSE : m2o(lot, "LOT" + lot), "quantity", qty, "reserved_quantity", 0.0);
    }

    private static List<Object> m2o(long id, String name) {
        return List.of((int) id, name);
    }

    private static OdooRecord rec(long id, Object... kv) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", (int) id);
        values.put("write_date", T0);
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        return OdooRecord.of(values);
    }

    @Override
    public void close() {
        model.close();
    }
}
