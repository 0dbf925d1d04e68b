package dev.odoobridge.sync.report;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Ref;
import dev.odoobridge.readmodel.report.CustomerActivity;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.TopProduct;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes the read model's report figures of one source on its Odoo server and lists where they differ.
 * Odoo groups the same lines the read model counts ({@link SalesQuery}): confirmed orders' lines without
 * display lines, order dates bounded in the query's zone (bounds sent in UTC, so no {@code tz} context is
 * involved), the vendor's products from product.supplierinfo. One grouped call per period.
 */
public final class OdooReportCheck {
    /** Amounts closer than this (half a cent) are equal: the read model sums doubles, Odoo numerics. */
    public static final double TOLERANCE = 0.005;
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OdooClient odoo;
    private final String source;
    private final Reports reports;

    /** A check of {@code source}'s figures in {@code reports} against {@code odoo}, that source's server. */
    public OdooReportCheck(OdooClient odoo, String source, Reports reports) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.reports = Objects.requireNonNull(reports, "reports == null");
    }

    /** Differences of {@link Reports#sales(SalesQuery, Granularity, LocalDate, LocalDate)} for this source. */
    public List<ReportDifference> sales(SalesQuery query, Granularity granularity, LocalDate from, LocalDate to) {
        SalesQuery own = query.withSources(Set.of(source));
        Map<LocalDate, SalesPeriod> ours = new TreeMap<>();
        reports.sales(own, granularity, from, to).forEach(p -> ours.put(p.start(), p));
        Set<Long> products = vendorProducts(own);
        Map<LocalDate, SalesPeriod> theirs = new TreeMap<>();
        for (LocalDate start = periodStart(granularity, from); !start.isAfter(to); start = next(granularity, start)) {
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = next(granularity, start).minusDays(1).isAfter(to) ? to : next(granularity, start).minusDays(1);
            double[] sum = new double[3];
            for (Group g : grouped(own, products, first, last)) {
                sum[0] += g.quantity();
                sum[1] += g.amount();
                sum[2] += g.lines();
            }
            if (sum[2] > 0) {
                theirs.put(start, new SalesPeriod(start, sum[0], sum[1], (long) sum[2]));
            }
        }
        Set<LocalDate> keys = new TreeSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        List<ReportDifference> out = new ArrayList<>();
        SalesPeriod none = new SalesPeriod(LocalDate.MIN, 0, 0, 0);
        for (LocalDate k : keys) {
            SalesPeriod o = theirs.getOrDefault(k, none);
            SalesPeriod r = ours.getOrDefault(k, none);
            compare(out, "sales", k.toString(), "quantity", o.quantity(), r.quantity());
            compare(out, "sales", k.toString(), "amount", o.amount(), r.amount());
            compare(out, "sales", k.toString(), "lines", o.lines(), r.lines());
        }
        return out;
    }

    /** Differences of {@link Reports#topProducts(SalesQuery, LocalDate, LocalDate, int)} for this source. */
    public List<ReportDifference> topProducts(SalesQuery query, LocalDate from, LocalDate to, int limit) {
        SalesQuery own = query.withSources(Set.of(source));
        List<Group> theirs = new ArrayList<>(grouped(own, vendorProducts(own), from, to));
        theirs.removeIf(g -> g.product() == null);
        theirs.sort((a, b) -> a.quantity() != b.quantity() ? Double.compare(b.quantity(), a.quantity())
                : a.amount() != b.amount() ? Double.compare(b.amount(), a.amount())
                : Long.compare(a.product().id(), b.product().id()));
        List<TopProduct> ours = reports.topProducts(own, from, to, limit);
        List<ReportDifference> out = new ArrayList<>();
        int n = Math.min(limit, Math.max(theirs.size(), ours.size()));
        for (int i = 0; i < n; i++) {
            Group o = i < theirs.size() ? theirs.get(i) : null;
            TopProduct r = i < ours.size() ? ours.get(i) : null;
            String key = "#" + (i + 1);
            compare(out, "top", key, "product id", o == null ? 0 : o.product().id(), r == null ? 0 : r.productId());
            compare(out, "top", key, "quantity", o == null ? 0 : o.quantity(), r == null ? 0 : r.quantity());
            compare(out, "top", key, "amount", o == null ? 0 : o.amount(), r == null ? 0 : r.amount());
            compare(out, "top", key, "lines", o == null ? 0 : o.lines(), r == null ? 0 : r.lines());
        }
        return out;
    }

    /**
     * Differences of {@link Reports#customerActivity(String)}: confirmed orders, their total and the first and
     * last order dates per customer (sale.order grouped by partner: {@code amount_total:sum},
     * {@code date_order:min}, {@code date_order:max}).
     */
    public List<ReportDifference> customerActivity() {
        Domain domain = Domains.and(Domains.in("state", SalesQuery.CONFIRMED_STATES), Domains.ne("partner_id", false));
        Map<Long, double[]> theirs = new TreeMap<>();
        for (OdooRecord row : aggregate(odoo, "sale.order", domain, "partner_id", List.of("amount_total:sum", "date_order:min"))) {
            theirs.put(row.getRef("partner_id").id(), new double[] {count(row), sum(row, "amount_total"),
                    epochSeconds(row, "date_order:min"), 0});
        }
        // a second call: read_group (17.0, 18.0) names an aggregate by its field, so one field once per call
        for (OdooRecord row : aggregate(odoo, "sale.order", domain, "partner_id", List.of("date_order:max"))) {
            double[] o = theirs.get(row.getRef("partner_id").id());
            if (o != null) {
                o[3] = epochSeconds(row, "date_order:max");
            }
        }
        Map<Long, double[]> ours = new TreeMap<>();
        for (CustomerActivity c : reports.customerActivity(source)) {
            ours.put(c.partnerId(), new double[] {c.orders(), c.total(), seconds(c.firstPurchase()), seconds(c.lastPurchase())});
        }
        Set<Long> keys = new TreeSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        List<ReportDifference> out = new ArrayList<>();
        for (Long k : keys) {
            double[] o = theirs.getOrDefault(k, new double[4]);
            double[] r = ours.getOrDefault(k, new double[4]);
            compare(out, "customers", "partner " + k, "orders", o[0], r[0]);
            compare(out, "customers", "partner " + k, "total", o[1], r[1]);
            compare(out, "customers", "partner " + k, "first order (epoch seconds)", o[2], r[2]);
            compare(out, "customers", "partner " + k, "last order (epoch seconds)", o[3], r[3]);
        }
        return out;
    }

    private static double epochSeconds(OdooRecord row, String key) {
        return seconds(row.getInstant(key));
    }

    private static double seconds(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }

    /** One product's group of counted lines as Odoo sums it. */
    private record Group(Ref product, double quantity, double amount, long lines) {
    }

    private List<Group> grouped(SalesQuery query, Set<Long> products, LocalDate first, LocalDate last) {
        if (products != null && products.isEmpty()) {
            return List.of();
        }
        List<Domain> leaves = new ArrayList<>(List.of(
                Domains.in("order_id.state", SalesQuery.CONFIRMED_STATES),
                Domains.eq("display_type", false),
                Domains.ge("order_id.date_order", wire(first.atStartOfDay(query.zone()).toInstant())),
                Domains.lt("order_id.date_order", wire(last.plusDays(1).atStartOfDay(query.zone()).toInstant()))));
        if (products != null) {
            leaves.add(Domains.in("product_id", new ArrayList<>(products)));
        }
        String amount = query.amount().field();
        List<Group> out = new ArrayList<>();
        for (OdooRecord row : group(odoo, "sale.order.line", Domains.and(leaves), "product_id", List.of("product_uom_qty", amount))) {
            out.add(new Group(row.getRef("product_id"), sum(row, "product_uom_qty"), sum(row, amount), (long) count(row)));
        }
        return out;
    }

    /** Rows of {@code model} grouped by {@code groupBy} with the sums of {@code fields} and the count. */
    static List<OdooRecord> group(OdooClient odoo, String model, Domain domain, String groupBy, List<String> fields) {
        return aggregate(odoo, model, domain, groupBy, fields.stream().map(f -> f + ":sum").toList());
    }

    /**
     * Rows of {@code model} grouped by {@code groupBy} with the {@code aggregates} ({@code field:function}, each
     * field once) under formatted_read_group's names and the count.
     */
    static List<OdooRecord> aggregate(OdooClient odoo, String model, Domain domain, String groupBy, List<String> aggregates) {
        if (odoo.version().major() >= 19) {
            List<String> withCount = new ArrayList<>(aggregates);
            withCount.add("__count");
            return odoo.model(model).formattedReadGroup(domain, List.of(groupBy), withCount, SearchOptions.DEFAULT);
        }
        List<OdooRecord> rows = new ArrayList<>();
        for (OdooRecord row : odoo.model(model).readGroup(domain, aggregates, List.of(groupBy), SearchOptions.DEFAULT)) {
            // read_group names the aggregates by field; give them formatted_read_group's names
            Map<String, Object> values = new LinkedHashMap<>(row.asMap());
            aggregates.forEach(a -> values.put(a, row.raw(a.substring(0, a.indexOf(':')))));
            rows.add(OdooRecord.of(values));
        }
        return rows;
    }

    static double sum(OdooRecord row, String field) {
        Object v = row.raw(field + ":sum");
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static double count(OdooRecord row) {
        Object v = row.raw("__count");
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** The vendor's product ids on the server (archived ones too), or null when the query has no vendor. */
    private Set<Long> vendorProducts(SalesQuery query) {
        return query.vendor() == null ? null
                : SupplierProducts.of(odoo, query.vendor().partnersBySource().getOrDefault(source, Set.of()));
    }

    private static void compare(List<ReportDifference> out, String report, String key, String figure, double odoo,
                                double readModel) {
        if (Math.abs(odoo - readModel) > TOLERANCE) {
            out.add(new ReportDifference(report, key, figure, odoo, readModel));
        }
    }

    private static String wire(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(WIRE);
    }

    private static LocalDate periodStart(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(Granularity granularity, LocalDate start) {
        return switch (granularity) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
