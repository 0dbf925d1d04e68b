package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.Drift;
import dev.odoobridge.sync.DriftReport;
import dev.odoobridge.sync.VerifyOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Compares one (source, model) in Odoo with the read model without changing either: counts,
 * every id (through the {@link Reconciler} in report-only mode, without the count shortcut, so
 * a missing and an extra record in one range cannot cancel out), field values of a seeded sample
 * or of every record, and for {@code product.product} the stock view against Odoo's
 * {@code qty_available}.
 */
public final class Verifier {
    private static final String PRODUCT = "product.product";
    private static final double STOCK_TOLERANCE = 1e-6;

    private final String source;
    private final OdooReads reads;
    private final Projector projector;
    private final int pageSize;
    private final int leafSize;

    /**
     * @param source source name
     * @param reads reads on the model
     * @param projector the read model
     * @param pageSize ids per read when comparing fields
     * @param leafSize id-range size of the id comparison
     */
    public Verifier(String source, OdooReads reads, Projector projector, int pageSize, int leafSize) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.reads = Objects.requireNonNull(reads, "reads == null");
        this.projector = Objects.requireNonNull(projector, "projector == null");
        this.pageSize = pageSize;
        this.leafSize = leafSize;
    }

    /** Runs the comparison. */
    public DriftReport verify(VerifyOptions options) {
        Objects.requireNonNull(options, "options == null");
        String model = reads.model();
        List<Drift> drifts = new ArrayList<>();
        long odooCount = reads.count(Domains.all(), "count of all records");
        long mongoCount = projector.count(source, model, 0, Long.MAX_VALUE);
        if (odooCount != mongoCount) {
            drifts.add(new Drift(Drift.Kind.COUNT, 0, null, odooCount, mongoCount));
        }
        Reconciler.Result ids = new Reconciler(reads, projector, source, leafSize, false).run(null);
        ids.missingInMongo().forEach(id -> drifts.add(new Drift(Drift.Kind.MISSING_IN_MONGO, id, null, null, null)));
        ids.extraInMongo().forEach(id -> drifts.add(new Drift(Drift.Kind.EXTRA_IN_MONGO, id, null, null, null)));

        List<Long> sample = sample(options, ids.missingInMongo());
        boolean stock = options.checkStock() && PRODUCT.equals(model);
        boolean stockChecked = stock;
        for (int i = 0; i < sample.size(); i += pageSize) {
            List<Long> batch = sample.subList(i, Math.min(sample.size(), i + pageSize));
            for (OdooRecord row : reads.read(batch, reads.fields(), "records to verify").rows()) {
                compareFields(row, drifts);
            }
            if (stockChecked) {
                stockChecked = compareStock(batch, drifts);
            }
        }
        return new DriftReport(source, model, odooCount, mongoCount, sample.size(), stockChecked || !stock, drifts);
    }

    private List<Long> sample(VerifyOptions options, List<Long> missing) {
        if (options.sampleSize() == 0) {
            return List.of();
        }
        List<Long> all = new ArrayList<>(reads.ids(Domains.all(), "id asc", 0, "all ids for the field comparison"));
        all.removeAll(new java.util.HashSet<>(missing));
        if (options.sampleSize() >= all.size()) {
            return all;
        }
        Collections.shuffle(all, new Random(options.seed()));
        List<Long> picked = new ArrayList<>(all.subList(0, options.sampleSize()));
        Collections.sort(picked);
        return picked;
    }

    private void compareFields(OdooRecord row, List<Drift> drifts) {
        Optional<Map<String, Object>> stored = projector.find(source, reads.model(), row.id());
        if (stored.isEmpty()) {
            drifts.add(new Drift(Drift.Kind.MISSING_IN_MONGO, row.id(), null, null, null));
            return;
        }
        Map<String, Object> doc = stored.get();
        for (String field : reads.fields()) {
            if (field.equals("id") || !row.has(field)) {
                continue;
            }
            Object odoo = row.raw(field);
            Object mongo = doc.get(field);
            if (!ValueNormalizer.same(odoo, mongo)) {
                drifts.add(new Drift(Drift.Kind.FIELD_MISMATCH, row.id(), field,
                        ValueNormalizer.normalize(odoo), ValueNormalizer.normalize(mongo)));
            }
        }
    }

    /** Returns false when the projector exposes no stock view (nothing compared). */
    private boolean compareStock(List<Long> batch, List<Drift> drifts) {
        List<OdooRecord> rows = reads.read(batch, List.of("id", "qty_available"), "qty_available to verify").rows();
        for (OdooRecord row : rows) {
            OptionalDouble mongo = projector.stockOnHand(source, row.id());
            if (mongo.isEmpty()) {
                return false;
            }
            double odoo = row.getDouble("qty_available") == null ? 0.0 : row.getDouble("qty_available");
            if (Math.abs(odoo - mongo.getAsDouble()) > STOCK_TOLERANCE) {
                drifts.add(new Drift(Drift.Kind.STOCK_MISMATCH, row.id(), "qty_available", odoo, mongo.getAsDouble()));
            }
        }
        return true;
    }
}
