package dev.odoobridge.readmodel.internal;

import dev.odoobridge.readmodel.report.ReportScope;
import dev.odoobridge.readmodel.report.SourceScope;
import dev.odoobridge.readmodel.report.VendorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * Turns a {@link ReportScope} into the {@code $match} conditions every report pipeline starts with: for a
 * {@link VendorScope}, per source, products whose {@code vendor_ids} contain one of the scope's partners; for a
 * {@link SourceScope}, every product of the scope's sources.
 */
final class ScopeFilter {
    private ScopeFilter() {
    }

    /** Match on {@code product_stock} documents, or on a joined one under {@code prefix} (e.g. {@code "_ps."}). */
    static Document products(ReportScope scope, String prefix) {
        Objects.requireNonNull(scope, "scope == null");
        if (scope instanceof VendorScope v) {
            List<Document> any = new ArrayList<>();
            v.partnersBySource().forEach((source, partners) -> any.add(new Document(prefix + "_source", source)
                    .append(prefix + "vendor_ids", new Document("$in", new ArrayList<>(partners)))));
            return new Document("$or", any);
        }
        return new Document(prefix + "_source", new Document("$in", sourceNames(scope)));
    }

    /** {@code _source in (scope's sources)}: narrows the first stage of a pipeline to the scope's sources. */
    static Document sources(ReportScope scope) {
        Objects.requireNonNull(scope, "scope == null");
        List<String> sources = sourceNames(scope);
        return new Document("_source", new Document("$in", sources));
    }

    private static List<String> sourceNames(ReportScope scope) {
        return scope instanceof VendorScope v ? new ArrayList<>(v.partnersBySource().keySet())
                : new ArrayList<>(((SourceScope) scope).sources());
    }
}
