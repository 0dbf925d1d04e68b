package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.report.CustomerActivity;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.TopProduct;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Sales reports from confirmed sale orders and their lines, counted as {@link SalesQuery} says. Lines are
 * never joined to the stock view: services, consumables and archived products count like any other.
 */
final class SalesReports {
    static final Duration NEW_WITHIN = Duration.ofDays(30);
    static final Duration ACTIVE_WITHIN = Duration.ofDays(90);

    private final MongoDatabase db;
    private final Names names;
    private final Clock clock;

    SalesReports(MongoDatabase db, Names names, Clock clock) {
        this.db = db;
        this.names = names;
        this.clock = clock;
    }

    List<SalesPeriod> sales(SalesQuery query, Granularity granularity, LocalDate from, LocalDate to) {
        Objects.requireNonNull(granularity, "granularity == null");
        Map<LocalDate, double[]> periods = new TreeMap<>();
        for (String source : sources(query)) {
            List<Bson> p = linePipeline(query, source, from, to);
            if (p == null) {
                continue;
            }
            // per order, so that its date falls into a period in the query's zone (exact for any offset)
            p.add(new Document("$group", new Document("_id", "$order_id.id")
                    .append("d", new Document("$first", "$_o.date_order"))
                    .append("q", new Document("$sum", "$product_uom_qty"))
                    .append("a", new Document("$sum", "$" + query.amount().field()))
                    .append("n", new Document("$sum", 1))));
            for (Document g : db.getCollection(names.of("sale.order.line")).aggregate(p)) {
                LocalDate day = g.getDate("d").toInstant().atZone(query.zone()).toLocalDate();
                LocalDate start = switch (granularity) {
                    case DAY -> day;
                    case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case MONTH -> day.withDayOfMonth(1);
                };
                double[] acc = periods.computeIfAbsent(start, s -> new double[3]);
                acc[0] += asDouble(g.get("q"));
                acc[1] += asDouble(g.get("a"));
                acc[2] += asDouble(g.get("n"));
            }
        }
        List<SalesPeriod> out = new ArrayList<>();
        periods.forEach((start, acc) -> out.add(new SalesPeriod(start, acc[0], acc[1], (long) acc[2])));
        return out;
    }

    List<TopProduct> topProducts(SalesQuery query, LocalDate from, LocalDate to, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        List<TopProduct> out = new ArrayList<>();
        for (String source : sources(query)) {
            List<Bson> p = linePipeline(query, source, from, to);
            if (p == null) {
                continue;
            }
            p.add(new Document("$match", new Document("product_id", new Document("$ne", null))));
            p.add(new Document("$group", new Document("_id", "$product_id.id")
                    .append("q", new Document("$sum", "$product_uom_qty"))
                    .append("a", new Document("$sum", "$" + query.amount().field()))
                    .append("n", new Document("$sum", 1))
                    .append("name", new Document("$first", "$product_id.name"))));
            p.add(new Document("$sort", new Document("q", -1).append("a", -1).append("_id", 1)));
            p.add(new Document("$limit", limit));
            for (Document g : db.getCollection(names.of("sale.order.line")).aggregate(p)) {
                out.add(new TopProduct(source, asLong(g.get("_id")), g.getString("name"), asDouble(g.get("q")),
                        asDouble(g.get("a")), asLong(g.get("n"))));
            }
        }
        out.sort(Comparator.comparingDouble(TopProduct::quantity).reversed()
                .thenComparing(Comparator.comparingDouble(TopProduct::amount).reversed())
                .thenComparing(TopProduct::source).thenComparingLong(TopProduct::productId));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The sources a query reports on: its own (all stored ones when empty), narrowed to its vendor scope's. */
    private Set<String> sources(SalesQuery query) {
        Set<String> out = new TreeSet<>();
        if (query.vendor() != null) {
            out.addAll(query.vendor().partnersBySource().keySet());
            if (!query.sources().isEmpty()) {
                out.retainAll(query.sources());
            }
        } else if (!query.sources().isEmpty()) {
            out.addAll(query.sources());
        } else {
            for (String s : db.getCollection(names.of("sale.order.line")).distinct("_source", String.class)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Counted lines of one source (no display lines; the vendor's products only when scoped) of confirmed
     * orders dated in [from, to] in the query's zone, with the order joined as {@code _o}; null when the
     * vendor supplies no product in the source.
     */
    private List<Bson> linePipeline(SalesQuery query, String source, LocalDate from, LocalDate to) {
        Objects.requireNonNull(query, "query == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        Document match = new Document("_source", source).append("display_type", null);
        if (query.vendor() != null) {
            List<Long> products = vendorProducts(source, query.vendor().partnersBySource().get(source));
            if (products.isEmpty()) {
                return null;
            }
            match.append("product_id.id", new Document("$in", products));
        }
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", match));
        p.addAll(StockAggregations.joinRef(names.of("sale.order"), "order_id", "_o", false));
        p.add(new Document("$match", new Document("_o.state", new Document("$in", SalesQuery.CONFIRMED_STATES))
                .append("_o.date_order", new Document("$gte", Date.from(from.atStartOfDay(query.zone()).toInstant()))
                        .append("$lt", Date.from(to.plusDays(1).atStartOfDay(query.zone()).toInstant())))));
        return p;
    }

    /**
     * product.product ids (archived ones too) the partners supply in a source, from product.supplierinfo:
     * the variant of a line naming one, else every variant of its template.
     */
    private List<Long> vendorProducts(String source, Set<Long> partners) {
        Set<Long> products = new TreeSet<>();
        Set<Long> templates = new TreeSet<>();
        Document filter = new Document("_source", source).append("partner_id.id", new Document("$in", new ArrayList<>(partners)));
        for (Document s : db.getCollection(names.of("product.supplierinfo")).find(filter)) {
            Long variant = StockAggregations.refId(s, "product_id");
            Long template = StockAggregations.refId(s, "product_tmpl_id");
            if (variant != null) {
                products.add(variant);
            } else if (template != null) {
                templates.add(template);
            }
        }
        if (!templates.isEmpty()) {
            Document byTemplate = new Document("_source", source)
                    .append("product_tmpl_id.id", new Document("$in", new ArrayList<>(templates)));
            for (Document v : db.getCollection(names.of("product.product")).find(byTemplate)) {
                products.add(asLong(v.get("_odoo_id")));
            }
        }
        return new ArrayList<>(products);
    }

    List<CustomerActivity> customerActivity(String source) {
        Objects.requireNonNull(source, "source == null");
        List<Bson> p = List.of(
                new Document("$match", new Document("_source", source).append("state", new Document("$in", SalesQuery.CONFIRMED_STATES))
                        .append("partner_id", new Document("$ne", null))),
                new Document("$group", new Document("_id", "$partner_id.id")
                        .append("name", new Document("$first", "$partner_id.name"))
                        .append("n", new Document("$sum", 1)).append("t", new Document("$sum", "$amount_total"))
                        .append("first", new Document("$min", "$date_order")).append("last", new Document("$max", "$date_order"))),
                new Document("$sort", new Document("last", -1).append("_id", 1)));
        Instant now = clock.instant();
        List<CustomerActivity> out = new ArrayList<>();
        for (Document g : db.getCollection(names.of("sale.order")).aggregate(p)) {
            Instant first = g.getDate("first").toInstant();
            Instant last = g.getDate("last").toInstant();
            CustomerActivity.Segment segment = !first.isBefore(now.minus(NEW_WITHIN)) ? CustomerActivity.Segment.NEW
                    : !last.isBefore(now.minus(ACTIVE_WITHIN)) ? CustomerActivity.Segment.ACTIVE : CustomerActivity.Segment.LAPSED;
            out.add(new CustomerActivity(source, asLong(g.get("_id")), g.getString("name"), asLong(g.get("n")),
                    asDouble(g.get("t")), first, last, segment));
        }
        return out;
    }
}
