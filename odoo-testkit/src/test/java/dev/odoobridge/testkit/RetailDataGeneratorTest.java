package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetailDataGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:30:00Z");
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SchemaCheckingSink sink;
    private RetailDataSummary summary;

    @BeforeAll
    void generateDefaultBusiness() {
        sink = new SchemaCheckingSink("19.0", true);
        summary = RetailDataGenerator.builder().now(NOW).productExpiry(true).build().generate(sink);
    }

    @Test
    void sameSeedAndOptionsGiveTheSameRecordsAndDifferentSeedsDoNot() {
        RetailDataGenerator.Builder small = RetailDataGenerator.builder().now(NOW).products(60).customers(40)
                .days(30);
        SchemaCheckingSink first = new SchemaCheckingSink();
        SchemaCheckingSink second = new SchemaCheckingSink();
        SchemaCheckingSink other = new SchemaCheckingSink();
        RetailDataSummary a = small.seed(7).build().generate(first);
        RetailDataSummary b = small.seed(7).build().generate(second);
        small.seed(8).build().generate(other);

        assertThat(first.hash()).isEqualTo(second.hash());
        assertThat(a).isEqualTo(b);
        assertThat(other.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void aBulkImportPutsATransactionOfRecordsInEachSecondAndEditsInAFewMassUpdates() {
        SchemaCheckingSink bulk = new SchemaCheckingSink();
        RetailDataGenerator.builder().now(NOW).products(2_000).customers(40).days(120)
                .writeDates(WriteDates.bulkImport(500)).build().generate(bulk);
        Map<String, Integer> perSecond = new HashMap<>();
        Set<String> editSeconds = new HashSet<>();
        for (Map<String, Object> p : bulk.all("product.product")) {
            perSecond.merge((String) p.get("write_date"), 1, Integer::sum);
            if (!p.get("write_date").equals(p.get("create_date"))) {
                editSeconds.add((String) p.get("write_date"));
            }
        }
        assertThat(perSecond.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("products sharing one second").isGreaterThanOrEqualTo(150);
        assertThat(editSeconds).as("mass updates: every edited product was written in one of 4 seconds").hasSize(4);

        SchemaCheckingSink spread = new SchemaCheckingSink();
        RetailDataGenerator.builder().now(NOW).products(2_000).customers(40).days(120).build().generate(spread);
        Map<String, Integer> spreadPerSecond = new HashMap<>();
        spread.all("product.product").forEach(p -> spreadPerSecond.merge((String) p.get("write_date"), 1, Integer::sum));
        assertThat(spreadPerSecond.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .as("the default spreads records a few per second").isLessThanOrEqualTo(8);
    }

    @Test
    void countsFollowTheOptions() {
        SchemaCheckingSink s = new SchemaCheckingSink();
        RetailDataSummary r = RetailDataGenerator.builder().now(NOW).warehouses(3).vendors(5).products(75)
                .customers(30).days(120).build().generate(s);

        assertThat(r.count("res.company")).isEqualTo(1);
        assertThat(r.count("stock.warehouse")).isEqualTo(3);
        // plus two services, a consumable that keeps no stock and an archived product
        assertThat(r.count("product.template")).isEqualTo(75 + 4);
        assertThat(r.count("product.product")).isEqualTo(75 + 4);
        assertThat(s.all("res.partner").stream().filter(p -> (Integer) p.get("supplier_rank") > 0)).hasSize(5);
        assertThat(s.all("res.partner").stream()
                .filter(p -> (Integer) p.get("customer_rank") > 0 && !p.containsKey("parent_id"))).hasSize(30);
        assertThat(r.warehouseIds()).hasSize(3);
        assertThat(r.vendorIds()).hasSize(5);
        assertThat(ChronoUnit.DAYS.between(r.historyStart(), r.historyEnd()) + 1).isEqualTo(120);
        r.counts().forEach((model, n) -> assertThat(s.all(model)).as(model).hasSize(n.intValue()));
        assertThat(r.totalRecords()).isEqualTo(r.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void everyModelOfTheBusinessIsPresent() {
        assertThat(summary.counts().keySet()).contains("res.company", "res.partner", "stock.location",
                "stock.warehouse", "product.category", "product.template", "product.product",
                "product.supplierinfo", "stock.warehouse.orderpoint", "stock.lot", "stock.quant", "stock.move",
                "sale.order", "sale.order.line", "purchase.order", "purchase.order.line");
        assertThat(sink.all("stock.location")).extracting(l -> l.get("usage"))
                .contains("view", "internal", "supplier", "customer", "inventory");
        assertThat(sink.all("product.category")).extracting(c -> c.get("complete_name"))
                .contains("All / Food / Dairy / Cheese");
        assertThat(sink.all("sale.order")).extracting(o -> o.get("state")).contains("sale", "draft", "cancel");
        assertThat(sink.all("purchase.order")).extracting(o -> o.get("state")).contains("draft", "purchase");
    }

    @Test
    void productsHaveUniqueCodesAndValidBarcodesAndOneToTwoVendors() {
        List<Map<String, Object>> all = sink.all("product.product");
        assertThat(all).extracting(p -> p.get("default_code")).doesNotHaveDuplicates();
        List<Map<String, Object>> products = all.stream().filter(p -> p.get("barcode") != null).toList();
        List<Map<String, Object>> others = all.stream().filter(p -> p.get("barcode") == null).toList();
        assertThat(others).extracting(p -> p.get("type"), p -> p.get("is_storable"), p -> p.get("active"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("service", false, true),
                        org.assertj.core.groups.Tuple.tuple("service", false, true),
                        org.assertj.core.groups.Tuple.tuple("consu", false, true),
                        org.assertj.core.groups.Tuple.tuple("consu", true, false));
        assertThat(products).extracting(p -> p.get("barcode")).doesNotHaveDuplicates();
        for (Map<String, Object> p : products) {
            String barcode = (String) p.get("barcode");
            assertThat(barcode).hasSize(13).containsOnlyDigits();
            assertThat(barcode.charAt(12) - '0').isEqualTo(ean13CheckDigit(barcode));
            assertThat((Double) p.get("standard_price")).isLessThan((Double) p.get("list_price"));
            assertThat(p).containsEntry("type", "consu").containsEntry("is_storable", true);
        }
        Map<Object, Integer> vendorsPerTemplate = new HashMap<>();
        for (Map<String, Object> s : sink.all("product.supplierinfo")) {
            vendorsPerTemplate.merge(s.get("product_tmpl_id"), 1, Integer::sum);
            assertThat((Double) s.get("min_qty")).isIn(1.0, 6.0, 12.0, 24.0);
            Map<String, Object> vendor = sink.get("res.partner", (Long) s.get("partner_id"));
            assertThat((Integer) vendor.get("supplier_rank")).isPositive();
        }
        assertThat(vendorsPerTemplate).hasSize(all.size());
        assertThat(vendorsPerTemplate.values()).allMatch(n -> n == 1 || n == 2).contains(1, 2);
    }

    @Test
    void stockStatusSpreadsOverUrgentModerateAndHealthy() {
        Map<String, Double> onHand = onHandPerProductAndWarehouse();
        int urgent = 0;
        int moderate = 0;
        int healthy = 0;
        for (Map<String, Object> op : sink.all("stock.warehouse.orderpoint")) {
            double min = (Double) op.get("product_min_qty");
            double q = onHand.getOrDefault(op.get("product_id") + "@" + op.get("warehouse_id"), 0.0);
            if (q <= min) {
                urgent++;
            } else if (q <= 1.5 * min) {
                moderate++;
            } else {
                healthy++;
            }
            assertThat((Double) op.get("product_max_qty")).isGreaterThan(min);
        }
        int total = urgent + moderate + healthy;
        assertThat(total).isGreaterThan(300);
        assertThat(urgent).isGreaterThan(total / 10);
        assertThat(moderate).isGreaterThan(total / 10);
        assertThat(healthy).isGreaterThan(total / 3);
    }

    @Test
    void quantsAreNeverNegativeAndEqualOpeningStockMinusDeliveries() {
        for (Map<String, Object> q : sink.all("stock.quant")) {
            assertThat((Double) q.get("quantity")).isPositive();
            assertThat((Double) q.get("reserved_quantity")).isBetween(0.0, (Double) q.get("quantity"));
        }
        Map<Long, Long> warehouseOfLocation = warehouseOfInternalLocation();
        Map<String, Double> fromMoves = new HashMap<>();
        for (Map<String, Object> m : sink.all("stock.move")) {
            if (!"done".equals(m.get("state"))) {
                continue;
            }
            Long into = warehouseOfLocation.get((Long) m.get("location_dest_id"));
            Long from = warehouseOfLocation.get((Long) m.get("location_id"));
            if (into != null) {
                fromMoves.merge(m.get("product_id") + "@" + into, (Double) m.get("quantity"), Double::sum);
            }
            if (from != null) {
                fromMoves.merge(m.get("product_id") + "@" + from, -(Double) m.get("quantity"), Double::sum);
            }
        }
        Map<String, Double> onHand = onHandPerProductAndWarehouse();
        assertThat(fromMoves).isNotEmpty();
        fromMoves.forEach((key, qty) -> assertThat(onHand.getOrDefault(key, 0.0)).as(key).isEqualTo(qty));
    }

    @Test
    void expiredAndNearExpiryLotsHaveStock() {
        assertThat(summary.expiredLotId()).isPresent();
        assertThat(summary.nearExpiryLotId()).isPresent();
        for (long lot : summary.expiredLotIds()) {
            assertThat(expiry(lot)).isBefore(NOW);
            assertThat(stockOfLot(lot)).isPositive();
        }
        for (long lot : summary.nearExpiryLotIds()) {
            assertThat(expiry(lot)).isAfter(NOW).isBefore(NOW.plus(30, ChronoUnit.DAYS));
            assertThat(stockOfLot(lot)).isPositive();
        }
        long lots = sink.all("stock.lot").size();
        long fresh = sink.all("stock.lot").stream()
                .filter(l -> expiry((Long) l.get("id")).isAfter(NOW.plus(30, ChronoUnit.DAYS))).count();
        assertThat(fresh).isGreaterThan(lots / 2);
        for (Map<String, Object> q : sink.all("stock.quant")) {
            if (q.containsKey("lot_id")) {
                Map<String, Object> lot = sink.get("stock.lot", (Long) q.get("lot_id"));
                assertThat(lot.get("product_id")).isEqualTo(q.get("product_id"));
            }
        }
    }

    @Test
    void intermittentProductsSellOnFewDaysInLumpsAndSmoothOnesOnMostDays() {
        Map<Long, Set<LocalDate>> salesDays = new HashMap<>();
        Map<Long, double[]> volume = new HashMap<>();
        for (Map<String, Object> m : outgoingMoves()) {
            Long product = (Long) m.get("product_id");
            salesDays.computeIfAbsent(product, p -> new HashSet<>())
                    .add(LocalDate.parse(((String) m.get("date")).substring(0, 10)));
            double[] v = volume.computeIfAbsent(product, p -> new double[2]);
            v[0] += (Double) m.get("quantity");
            v[1]++;
        }
        List<Long> intermittent = summary.productsByPattern().get(DemandPattern.INTERMITTENT);
        assertThat(intermittent).isNotEmpty();
        double lumpUnits = 0;
        double lumpLines = 0;
        for (long product : intermittent) {
            int days = salesDays.getOrDefault(product, Set.of()).size();
            assertThat(days).as("days with sales of intermittent product %d", product).isLessThan(150 * 4 / 10);
            double[] v = volume.getOrDefault(product, new double[2]);
            lumpUnits += v[0];
            lumpLines += v[1];
        }
        assertThat(lumpUnits / lumpLines).as("mean lump size").isGreaterThan(2.0);
        long smoothAndBusy = summary.productsByPattern().get(DemandPattern.SMOOTH).stream()
                .filter(p -> salesDays.getOrDefault(p, Set.of()).size() > 75).count();
        assertThat(smoothAndBusy).isPositive();
    }

    @Test
    void seasonalProductsSellMoreOnSaturdaysThanOnSundays() {
        Set<Long> seasonal = new HashSet<>(summary.productsByPattern().get(DemandPattern.SEASONAL));
        double saturdays = 0;
        double sundays = 0;
        for (Map<String, Object> m : outgoingMoves()) {
            if (seasonal.contains((Long) m.get("product_id"))) {
                switch (LocalDate.parse(((String) m.get("date")).substring(0, 10)).getDayOfWeek()) {
                    case SATURDAY -> saturdays += (Double) m.get("quantity");
                    case SUNDAY -> sundays += (Double) m.get("quantity");
                    default -> { }
                }
            }
        }
        assertThat(sundays).isPositive();
        assertThat(saturdays).isGreaterThan(1.8 * sundays);
    }

    @Test
    void lotSharesOfZeroLeaveOnlyFreshLots() {
        SchemaCheckingSink s = new SchemaCheckingSink("19.0", true);
        RetailDataSummary r = RetailDataGenerator.builder().now(NOW).products(80).customers(20).days(30)
                .productExpiry(true).expiredLotShare(0).nearExpiryLotShare(0).build().generate(s);

        assertThat(s.all("stock.lot")).isNotEmpty().allSatisfy(lot -> assertThat(instant(lot.get("expiration_date")))
                .isAfter(NOW.plus(30, ChronoUnit.DAYS)));
        assertThat(r.expiredLotId()).isEmpty();
        assertThat(r.nearExpiryLotId()).isEmpty();
    }

    @Test
    void historyCoversTheRequestedDaysBeforeNow() {
        assertThat(summary.historyEnd()).isEqualTo(LocalDate.of(2025, 6, 14));
        assertThat(summary.historyStart()).isEqualTo(LocalDate.of(2025, 6, 14).minusDays(149));
        Set<LocalDate> days = new HashSet<>();
        for (Map<String, Object> m : outgoingMoves()) {
            LocalDate day = LocalDate.parse(((String) m.get("date")).substring(0, 10));
            assertThat(day).isBetween(summary.historyStart(), summary.historyEnd());
            days.add(day);
        }
        assertThat(days).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void createAndWriteDatesAreOrderedAndInsideTheWindow() {
        Instant earliest = summary.historyStart().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        summary.counts().keySet().forEach(model -> {
            for (Map<String, Object> r : sink.all(model)) {
                Instant created = instant(r.get("create_date"));
                Instant written = instant(r.get("write_date"));
                assertThat(created).as(model).isBetween(earliest, NOW);
                assertThat(written).as(model).isBetween(created, NOW);
            }
        });
        List<Map<String, Object>> orders = sink.all("sale.order").stream()
                .filter(o -> !((String) o.get("name")).startsWith("SX")).toList();
        for (int i = 1; i < orders.size(); i++) {
            assertThat(instant(orders.get(i).get("date_order")))
                    .isAfterOrEqualTo(instant(orders.get(i - 1).get("date_order")));
        }
    }

    @Test
    void saleAmountsAgreeWithTheirLinesAndDeliveriesWithTheirLines() {
        Map<Object, Double> untaxed = new HashMap<>();
        for (Map<String, Object> l : sink.all("sale.order.line")) {
            double qty = (Double) l.get("product_uom_qty");
            assertThat((Double) l.get("price_subtotal")).isCloseTo(qty * (Double) l.get("price_unit"), within(0.006));
            untaxed.merge(l.get("order_id"), (Double) l.get("price_subtotal"), Double::sum);
            Map<String, Object> order = sink.get("sale.order", (Long) l.get("order_id"));
            assertThat(l.get("state")).isEqualTo(order.get("state"));
            assertThat((Double) l.get("qty_delivered")).isEqualTo("sale".equals(order.get("state")) ? qty : 0.0);
        }
        for (Map<String, Object> o : sink.all("sale.order")) {
            assertThat((Double) o.get("amount_untaxed")).isCloseTo(untaxed.get(o.get("id")), within(0.006));
            assertThat(o.get("amount_total")).isEqualTo(o.get("amount_untaxed"));
        }
        for (Map<String, Object> m : outgoingMoves()) {
            Map<String, Object> line = sink.get("sale.order.line", (Long) m.get("sale_line_id"));
            assertThat(m.get("product_id")).isEqualTo(line.get("product_id"));
            assertThat(m.get("quantity")).isEqualTo(line.get("product_uom_qty"));
            assertThat(instant(m.get("date"))).isAfter(instant(
                    sink.get("sale.order", (Long) line.get("order_id")).get("date_order")));
        }
        // services, consumables and the archived product's orders (SX...) are written without moves
        assertThat(outgoingMoves()).hasSize((int) sink.all("sale.order.line").stream()
                .filter(l -> "sale".equals(l.get("state")))
                .filter(l -> !((String) sink.get("sale.order", (Long) l.get("order_id")).get("name")).startsWith("SX"))
                .count());
        assertThat(sink.all("sale.order.line")).extracting(l -> l.get("display_type"))
                .contains("line_section", "line_note");
    }

    @Test
    void largeCataloguesSpreadTheSalesBudgetOverFewerProducts() {
        SchemaCheckingSink s = new SchemaCheckingSink();
        RetailDataSummary r = RetailDataGenerator.builder().now(NOW).products(3000).customers(50).days(120)
                .maxSaleLines(4000).build().generate(s);

        long confirmedLines = s.all("sale.order.line").stream().filter(l -> "sale".equals(l.get("state"))).count();
        assertThat(confirmedLines).isBetween(2000L, 6000L);
        assertThat(r.productsByPattern().get(DemandPattern.NONE)).isNotEmpty();
        for (DemandPattern pattern : DemandPattern.values()) {
            assertThat(r.exampleProduct(pattern)).as(pattern.name()).isPresent();
        }
        assertThat(r.count("stock.warehouse.orderpoint")).isGreaterThan(3000L * 2 * 8 / 10);
    }

    @Test
    void optionsAreValidatedWithHelpfulMessages() {
        assertThatThrownBy(() -> RetailDataGenerator.builder().days(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
        assertThatThrownBy(() -> RetailDataGenerator.builder().expiredLotShare(0.7).nearExpiryLotShare(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed 1");
        assertThatThrownBy(() -> RetailDataGenerator.builder().products(0).build())
                .hasMessageContaining("products");
        RetailDataGenerator generator = RetailDataGenerator.builder().now(NOW).products(5).build();
        assertThat(generator.toBuilder().build().now()).isEqualTo(NOW);
    }

    private List<Map<String, Object>> outgoingMoves() {
        long customers = summary.customerLocationId();
        return sink.all("stock.move").stream()
                .filter(m -> "done".equals(m.get("state")) && (Long) m.get("location_dest_id") == customers)
                .toList();
    }

    /** product_id@warehouse_id → on-hand quantity over the warehouse's internal locations. */
    private Map<String, Double> onHandPerProductAndWarehouse() {
        Map<Long, Long> warehouseOf = warehouseOfInternalLocation();
        Map<String, Double> out = new HashMap<>();
        for (Map<String, Object> q : sink.all("stock.quant")) {
            Long warehouse = warehouseOf.get((Long) q.get("location_id"));
            assertThat(warehouse).as("quant location is internal to a warehouse").isNotNull();
            out.merge(q.get("product_id") + "@" + warehouse, (Double) q.get("quantity"), Double::sum);
        }
        return out;
    }

    private Map<Long, Long> warehouseOfInternalLocation() {
        Map<Long, Long> byView = new HashMap<>();
        for (Map<String, Object> w : sink.all("stock.warehouse")) {
            byView.put((Long) w.get("view_location_id"), (Long) w.get("id"));
        }
        Map<Long, Long> out = new HashMap<>();
        for (Map<String, Object> l : sink.all("stock.location")) {
            if (!"internal".equals(l.get("usage"))) {
                continue;
            }
            Long parent = (Long) l.get("location_id");
            while (parent != null && !byView.containsKey(parent)) {
                parent = (Long) sink.get("stock.location", parent).get("location_id");
            }
            out.put((Long) l.get("id"), byView.get(parent));
        }
        return out;
    }

    private Instant expiry(long lot) {
        return instant(sink.get("stock.lot", lot).get("expiration_date"));
    }

    private double stockOfLot(long lot) {
        return sink.all("stock.quant").stream().filter(q -> Long.valueOf(lot).equals(q.get("lot_id")))
                .mapToDouble(q -> (Double) q.get("quantity")).sum();
    }

    private static Instant instant(Object wire) {
        return LocalDateTime.parse((String) wire, WIRE).toInstant(ZoneOffset.UTC);
    }

    private static int ean13CheckDigit(String code) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (code.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }
}
