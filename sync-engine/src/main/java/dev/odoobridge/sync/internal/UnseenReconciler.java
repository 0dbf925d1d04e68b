package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.Projector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The deletion check after a run that read the whole model: every record Odoo had was seen, so
 * only the ids the run did not see can be documents of deleted records. It asks the read model
 * which of those it holds (by key: cost follows the unseen ids, not the table), asks Odoo which of
 * these still exist (created after the read passed them, e.g. applied by a webhook meanwhile) and
 * deletes the rest; then it counts spans of ids in Odoo only, to catch deletions made after the read
 * saw a record. For dense ids that is a few lookups and one Odoo count per span instead of a count
 * per span on both sides. When too many ids went unseen (sparse ids) it declines and the caller
 * counts by range on both sides.
 */
final class UnseenReconciler {
    /** Ids above this are not tracked (the bit set would pass 8 MB); the caller then counts by range. */
    static final long MAX_TRACKED_ID = 1L << 26;
    private static final int ODOO_CHUNK = 1_000;

    private final BitSet seen = new BitSet();
    private boolean untracked;

    /** Notes the ids of records the whole read handed over. */
    void saw(List<OdooRecord> rows) {
        for (OdooRecord row : rows) {
            long id = row.id();
            if (id < 0 || id > MAX_TRACKED_ID) {
                untracked = true;
                return;
            }
            seen.set((int) id);
        }
    }

    /**
     * Deletes the documents of records Odoo no longer has; empty when this check would not be
     * cheaper than counting by id range (unseen ids over a quarter of the id space, or ids too high).
     *
     * <p>Records deleted in Odoo after the read saw them are still in the read model. To find those,
     * {@code ranges} compares each span of ids with what the read model must hold there (the ids seen
     * plus the unseen ones it still holds) instead of counting the read model; a span whose counts
     * differ is counted on both sides and bisected as usual.
     *
     * @param ranges the range reconciler of this model (its result is merged in)
     * @param sink applies records the read model misses, for those spans
     */
    Optional<Reconciler.Result> run(OdooReads reads, Projector projector, String source, Reconciler ranges,
                                    Reconciler.FetchSink sink) {
        Objects.requireNonNull(reads, "reads == null");
        Objects.requireNonNull(projector, "projector == null");
        if (untracked) {
            return Optional.empty();
        }
        long top = ranges.top();
        if (top > MAX_TRACKED_ID) {
            return Optional.empty();
        }
        long unseen = top - seen.get(1, (int) top + 1).cardinality();
        if (unseen > top / 4) {
            return Optional.empty();
        }
        List<Long> candidates = new ArrayList<>((int) unseen);
        for (int id = seen.nextClearBit(1); id <= top; id = seen.nextClearBit(id + 1)) {
            candidates.add((long) id);
        }
        String model = reads.model();
        List<Long> stored = candidates.isEmpty() ? List.of() : new ArrayList<>(projector.existing(source, model, candidates));
        TreeSet<Long> alive = new TreeSet<>();
        for (int i = 0; i < stored.size(); i += ODOO_CHUNK) {
            List<Long> chunk = stored.subList(i, Math.min(stored.size(), i + ODOO_CHUNK));
            alive.addAll(reads.ids(Domains.in("id", chunk), "id asc", 0,
                    chunk.size() + " ids stored but not seen by the full read"));
        }
        List<Long> gone = stored.stream().filter(id -> !alive.contains(id)).toList();
        long deleted = gone.isEmpty() ? 0 : projector.delete(source, model, gone);
        Reconciler.Result more = ranges.run(top, sink,
                (a, b) -> seen.get((int) a, (int) b + 1).cardinality() + alive.subSet(a, true, b, true).size());
        List<Long> extra = new ArrayList<>(gone);
        extra.addAll(more.extraInMongo());
        return Optional.of(new Reconciler.Result(more.missingInMongo(), extra, deleted + more.deleted(), more.fetched()));
    }
}
