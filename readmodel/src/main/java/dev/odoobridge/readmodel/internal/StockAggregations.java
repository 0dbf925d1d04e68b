package dev.odoobridge.readmodel.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Pipeline stages shared by the stock views and the reports: joining a document's location by its many2one. */
final class StockAggregations {
    private StockAggregations() {
    }

    /**
     * Stages adding {@code as} = the stock.location document referenced by {@code refField} (a many2one)
     * of the same source, or dropping the document when that location is not (yet) stored.
     */
    static List<Bson> joinRef(String fromCollection, String refField, String as, boolean keepUnmatched) {
        return joinId(fromCollection, refField + ".id", as, keepUnmatched);
    }

    /** As {@link #joinRef} with the path of a plain id field. */
    static List<Bson> joinId(String fromCollection, String idPath, String as, boolean keepUnmatched) {
        String key = "_k_" + as;
        List<Bson> stages = new ArrayList<>();
        stages.add(new Document("$addFields", new Document(key,
                new Document("$concat", List.of("$_source", ":", new Document("$toString", "$" + idPath))))));
        stages.add(new Document("$lookup", new Document("from", fromCollection).append("localField", key)
                .append("foreignField", "_id").append("as", as)));
        stages.add(new Document("$unwind", new Document("path", "$" + as).append("preserveNullAndEmptyArrays", keepUnmatched)));
        return stages;
    }

    static Document in(String field, Collection<?> values) {
        return new Document(field, new Document("$in", new ArrayList<>(values)));
    }

    static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    static double asDouble(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }

    /** The {@code id} of a stored many2one value, or null. */
    static Long refId(Document doc, String field) {
        Object v = doc.get(field);
        if (v instanceof Document d && d.get("id") instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    static String refName(Document doc, String field) {
        Object v = doc.get(field);
        return v instanceof Document d ? d.getString("name") : null;
    }
}
