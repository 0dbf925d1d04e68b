package dev.odoobridge.api.internal;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.conversions.Bson;

/**
 * Reads of the read model for the API. Every query starts with the request's scope: the source,
 * then the vendor's restriction where one applies, before any parameter's condition.
 */
final class Store {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final String PRODUCT_STOCK = "product_stock";
    static final String LOT_STOCK = "lot_stock";

    private static final Codec<Document> DOCUMENT = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final MongoDatabase db;
    private final DocumentReads reads;

    /**
     * @param db the read model's database (for the queries other than pages and single documents)
     * @param reads where pages and single documents are read from
     */
    Store(MongoDatabase db, DocumentReads reads) {
        this.db = db;
        this.reads = reads;
    }

    MongoCollection<Document> collection(String name) {
        return db.getCollection(name);
    }

    /** The vendor's products in the source: those with the partner among their vendors (as vendor reports do). */
    Set<Long> vendorProducts(String source, long partnerId) {
        Set<Long> ids = new TreeSet<>();
        for (Document d : db.getCollection(PRODUCT_STOCK).find(Filters.and(Filters.eq("_source", source),
                Filters.eq("vendor_ids", partnerId))).projection(Projections.include("product_id"))) {
            Object p = d.get("product_id");
            if (p instanceof Number n) {
                ids.add(n.longValue());
            }
        }
        return ids;
    }

    /** The scope stage of a query on the collection: source, then the vendor restriction. */
    List<Bson> scopeStage(Collection c, Ctx ctx) {
        List<Bson> and = new ArrayList<>();
        and.add(Filters.eq("_source", ctx.source()));
        if (ctx.vendor().isPresent()) {
            long v = ctx.vendor().getAsLong();
            switch (c.vendor()) {
                case PRODUCT_ID -> and.add(Filters.in(c.vendorField(), vendorProducts(ctx.source(), v)));
                case PARTNER -> and.add(Filters.eq(c.vendorField(), v));
                case ALL -> {
                }
                case FORBIDDEN -> throw ApiError.forbidden("a vendor key cannot read " + c.name());
                default -> throw new IllegalStateException(c.vendor().toString());
            }
        }
        return and;
    }

    /** One page of the collection. */
    Map<String, Object> page(Collection c, Ctx ctx) {
        List<Bson> and = scopeStage(c, ctx);
        for (Collection.Filter f : c.filters()) {
            ctx.param(f.param()).ifPresent(v -> and.add(condition(f, v, ctx)));
        }
        int limit = ctx.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String sortParam = ctx.param("sort").orElse("id");
        boolean desc = sortParam.startsWith("-");
        String sortName = desc ? sortParam.substring(1) : sortParam;
        String sortField = sortField(c, sortName);
        Optional<String> cursorParam = ctx.param("cursor");
        if (cursorParam.isPresent()) {
            Cursor cur = Cursor.decode(cursorParam.get());
            if (!cur.sort().equals(sortName) || cur.descending() != desc) {
                throw ApiError.badRequest("the cursor was issued for sort=" + (cur.descending() ? "-" : "") + cur.sort());
            }
            and.add(after(sortField, c.idField(), cur, desc));
        }
        Bson sort = sortField.equals(c.idField())
                ? (desc ? Sorts.descending(c.idField()) : Sorts.ascending(c.idField()))
                : (desc ? Sorts.descending(sortField, c.idField()) : Sorts.ascending(sortField, c.idField()));
        Set<String> fields = fields(ctx);
        Bson projection = null;
        if (!fields.isEmpty()) {
            Set<String> include = new LinkedHashSet<>(fields);
            include.add(c.idField());
            include.add(sortField);
            projection = Projections.include(new ArrayList<>(include));
        }
        List<RawBsonDocument> docs = reads.find(c.collection(), Filters.and(and), sort, limit + 1, projection);
        String next = null;
        if (docs.size() > limit) {
            docs = docs.subList(0, limit);
            Document last = docs.get(limit - 1).decode(DOCUMENT);
            next = new Cursor(sortName, desc, value(last, sortField), asLong(value(last, c.idField()))).encode();
        }
        List<DocumentJson> data = new ArrayList<>(docs.size());
        for (RawBsonDocument d : docs) {
            data.add(new DocumentJson(d, c.idField(), fields));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("next", next);
        return out;
    }

    /**
     * The first document the filter matches, in the store's natural order (as {@code find(filter).first()}), read
     * where pages are read (in process from the embedded store); null when none does.
     */
    Document first(String collection, Bson filter) {
        return firstRaw(collection, filter).map(d -> d.decode(DOCUMENT)).orElse(null);
    }

    private Optional<RawBsonDocument> firstRaw(String collection, Bson filter) {
        List<RawBsonDocument> found = reads.find(collection, filter, null, 1, null);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** One document by id, within the scope, as the API shows it (with the fields asked for). */
    Optional<DocumentJson> one(Collection c, Ctx ctx, long id) {
        List<Bson> and = scopeStage(c, ctx);
        and.add(Filters.eq(c.idField(), id));
        return firstRaw(c.collection(), Filters.and(and)).map(d -> new DocumentJson(d, c.idField(), fields(ctx)));
    }

    /** Children of a parent (order lines of an order), in the source, by id. */
    List<DocumentJson> children(String collection, String source, String parentField, long parentId) {
        List<DocumentJson> out = new ArrayList<>();
        for (RawBsonDocument d : reads.find(collection, Filters.and(Filters.eq("_source", source),
                Filters.eq(parentField, parentId)), Sorts.ascending("_odoo_id"), 0, null)) {
            out.add(new DocumentJson(d, "_odoo_id", Set.of()));
        }
        return out;
    }

    static Set<String> fields(Ctx ctx) {
        Set<String> fields = new LinkedHashSet<>();
        ctx.param("fields").ifPresent(v -> {
            for (String f : v.split(",")) {
                String t = f.trim();
                if (!t.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)?")) {
                    throw ApiError.badRequest("fields takes field names separated by commas: " + v);
                }
                fields.add(t);
            }
        });
        return fields;
    }

    /** A document as the API shows it: {@code id} first, then Odoo's fields, no bookkeeping fields. */
    static Map<String, Object> render(Document d, String idField, Set<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", value(d, idField));
        for (Map.Entry<String, Object> e : d.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("_") || k.equals(idField) || (!fields.isEmpty() && !fields.contains(k))) {
                continue;
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    private static String sortField(Collection c, String name) {
        if (name.equals("id")) {
            return c.idField();
        }
        for (Collection.Sort s : c.sorts()) {
            if (s.param().equals(name)) {
                return s.field();
            }
        }
        throw ApiError.badRequest("cannot sort " + c.name() + " by " + name + "; sortable: id"
                + c.sorts().stream().map(s -> ", " + s.param()).reduce("", String::concat));
    }

    private static Bson condition(Collection.Filter f, String v, Ctx ctx) {
        return switch (f.kind()) {
            case STRING -> Filters.eq(f.field(), v);
            case LONG -> Filters.eq(f.field(), Ctx.parseLong(f.param(), v));
            case BOOLEAN -> Filters.eq(f.field(), ctx.boolParam(f.param()).orElseThrow());
            case SINCE -> Filters.gte(f.field(), Date.from(ctx.instantParam(f.param()).orElseThrow()));
            case UNTIL -> Filters.lt(f.field(), Date.from(ctx.instantParam(f.param()).orElseThrow()));
            case POSITIVE -> ctx.boolParam(f.param()).orElseThrow() ? Filters.gt(f.field(), 0) : Filters.not(Filters.gt(f.field(), 0));
        };
    }

    /** Strictly after the cursor's (value, id) in the sort order, with nulls first as MongoDB sorts them. */
    private static Bson after(String sortField, String idField, Cursor cur, boolean desc) {
        Bson idAfter = desc ? Filters.lt(idField, cur.id()) : Filters.gt(idField, cur.id());
        if (sortField.equals(idField)) {
            return idAfter;
        }
        Bson isNull = Filters.eq(sortField, null);
        if (cur.value() == null) {
            return desc ? Filters.and(isNull, idAfter) : Filters.or(Filters.and(isNull, idAfter), Filters.ne(sortField, null));
        }
        Bson beyond = desc ? Filters.lt(sortField, cur.value()) : Filters.gt(sortField, cur.value());
        Bson tie = Filters.and(Filters.eq(sortField, cur.value()), idAfter);
        return desc ? Filters.or(beyond, tie, isNull) : Filters.or(beyond, tie);
    }

    static Object value(Document d, String path) {
        Object v = d;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Document doc)) {
                return null;
            }
            v = doc.get(part);
        }
        return v;
    }

    static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }
}
