package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.report.CustomerActivity;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Sales reports from confirmed sale orders and their lines. */
final class SalesReports {
    private static final List<String> CONFIRMED = List.of("sale", "done");
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

    List<SalesPeriod> sales(VendorScope scope, Granularity granularity, LocalDate from, LocalDate to) {
        Objects.requireNonNull(granularity, "granularity == null");
        List<Bson> p = linePipeline(scope, from, to);
        p.add(new Document("$group", new Document("_id", new Document("$dateToString",
                new Document("format", "%Y-%m-%d").append("date", "$_o.date_order")))
                .append("q", new Document("$sum", "$product_uom_qty")).append("a", new Document("$sum", "$price_subtotal"))
                .append("n", new Document("$sum", 1))));
        Map<LocalDate, double[]> periods = new TreeMap<>();
        for (Document g : db.getCollection(names.of("sale.order.line")).aggregate(p)) {
            LocalDate day = LocalDate.parse(g.getString("_id"));
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
        List<SalesPeriod> out = new ArrayList<>();
        periods.forEach((start, acc) -> out.add(new SalesPeriod(start, acc[0], acc[1], (long) acc[2])));
        return out;
    }

    List<TopProduct> topProducts(VendorScope scope, LocalDate from, LocalDate to, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        List<Bson> p = linePipeline(scope, from, to);
        p.add(new Document("$group", new Document("_id", new Document("s", "$_source").append("p", "$product_id.id"))
                .append("q", new Document("$sum", "$product_uom_qty")).append("a", new Document("$sum", "$price_subtotal"))
                .append("name", new Document("$first", "$_ps.name"))));
        p.add(new Document("$sort", new Document("q", -1).append("a", -1).append("_id.s", 1).append("_id.p", 1)));
        p.add(new Document("$limit", limit));
        List<TopProduct> out = new ArrayList<>();
        for (Document g : db.getCollection(names.of("sale.order.line")).aggregate(p)) {
            Document id = (Document) g.get("_id");
            out.add(new TopProduct(id.getString("s"), asLong(id.get("p")), g.getString("name"), asDouble(g.get("q")),
                    asDouble(g.get("a"))));
        }
        return out;
    }

    /** Lines of confirmed orders dated in [from, to] of products in the scope, with the order joined as {@code _o}. */
    private List<Bson> linePipeline(VendorScope scope, LocalDate from, LocalDate to) {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", ScopeFilter.sources(scope)));
        p.addAll(StockAggregations.joinRef(Names.PRODUCT_STOCK, "product_id", "_ps", false));
        p.add(new Document("$match", ScopeFilter.products(scope, "_ps.")));
        p.addAll(StockAggregations.joinRef(names.of("sale.order"), "order_id", "_o", false));
        p.add(new Document("$match", new Document("_o.state", new Document("$in", CONFIRMED)).append("_o.date_order",
                new Document("$gte", MongoReports.toDate(from)).append("$lt", MongoReports.toDate(to.plusDays(1))))));
        return p;
    }

    List<CustomerActivity> customerActivity(String source) {
        Objects.requireNonNull(source, "source == null");
        List<Bson> p = List.of(
                new Document("$match", new Document("_source", source).append("state", new Document("$in", CONFIRMED))
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
