package dev.odoobridge.readmodel.internal;

import dev.odoobridge.readmodel.report.VendorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * Turns a {@link VendorScope} into the {@code $match} conditions every vendor-facing pipeline
 * starts with: per source, products whose {@code vendor_ids} contain one of the scope's partners.
 */
final class ScopeFilter {
    private ScopeFilter() {
    }

    /** Match on {@code product_stock} documents, or on a joined one under {@code prefix} (e.g. {@code "_ps."}). */
    static Document products(VendorScope scope, String prefix) {
        Objects.requireNonNull(scope, "scope == null");
        List<Document> any = new ArrayList<>();
        scope.partnersBySource().forEach((source, partners) -> any.add(new Document(prefix + "_source", source)
                .append(prefix + "vendor_ids", new Document("$in", new ArrayList<>(partners)))));
        return new Document("$or", any);
    }

    /** {@code _source in (scope's sources)}: narrows the first stage of a pipeline to the scope's sources. */
    static Document sources(VendorScope scope) {
        return new Document("_source", new Document("$in", new ArrayList<>(scope.partnersBySource().keySet())));
    }
}
