package dev.odoobridge.feed.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.value.Command;
import dev.odoobridge.feed.ChangeSet;
import dev.odoobridge.feed.ColumnType;
import dev.odoobridge.feed.FeedColumn;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import dev.odoobridge.feed.FeedScope;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.PushResult;
import dev.odoobridge.feed.PushedRecord;
import dev.odoobridge.feed.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a pushed change set through Odoo, table by table in configuration order (so a partner created offline
 * exists before the order that references it).
 *
 * <p>Creates are idempotent on the device's id: the intent is stored in {@code feed_push_ids} first and its row
 * locked, the Odoo record is created carrying the device's id in the table's marker field, then the Odoo id is stored
 * and the lock released (one PostgreSQL transaction). A retry that finds the intent without an Odoo id (the process
 * died between the two) searches Odoo for the marker before creating; a push of the same record running at the same
 * time waits for the lock and then finds the stored id. Lines
 * of an order created in the same push are created inside the order's create (one Odoo call) and mapped by their
 * position in the order. Updates and deletions are checked for conflicts first: a record whose read-model sequence is
 * past the client's {@code last_pulled_at}, or whose Odoo {@code write_date} is past the read model's, is rejected
 * as a conflict. Odoo's refusals reject the one record; a transport failure fails the push (the device retries it,
 * which the idempotency makes safe). Written records are re-synced before the answer.
 */
public final class PushWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PushWriter.class);

    /** Called right after an Odoo create and before its id is stored (a test's crash point). */
    @FunctionalInterface
    public interface AfterCreate {
        /** The record was created in Odoo; its mapping is not stored yet. */
        void created(String source, String model, String clientId, long odooId);

        /** The intent is stored and locked; the Odoo create comes next (a test's pause point). */
        default void creating(String source, String model, String clientId) {
        }

        /** Does nothing. */
        AfterCreate NOTHING = (s, m, c, id) -> { };
    }

    private final FeedConfig config;
    private final MongoDatabase db;
    private final PushedIds ids;
    private final AfterCreate afterCreate;

    /** A writer over the read model {@code db} (null: no conflict check by sequence, no write checkpoint). */
    public PushWriter(FeedConfig config, MongoDatabase db, javax.sql.DataSource state, AfterCreate afterCreate) {
        this.config = config;
        this.db = db;
        this.ids = new PushedIds(state);
        this.afterCreate = afterCreate;
    }

    /** The pushed-id map as the pull needs it. */
    ClientIds clientIds() {
        return ids;
    }

    /** Writes the change set; see the class comment. */
    public PushResult push(FeedScope scope, long lastPulledAt, ChangeSet changes) {
        String source = scope.source();
        OdooClient odoo = config.clients().get(source);
        if (odoo == null) {
            throw new FeedException(Reason.OUT_OF_SCOPE, "source '" + source + "' takes no pushes");
        }
        if (scope.vendorScoped() && !changes.isEmpty()) {
            throw new FeedException(Reason.OUT_OF_SCOPE, "a vendor-scoped key cannot push");
        }
        for (String t : changes.tables().keySet()) {
            TableScope.check(scope, config.table(t).orElseThrow());
        }
        Run run = new Run(source, odoo, lastPulledAt - 1);
        try {
            for (FeedTable t : config.tables()) {
                ChangeSet.Table c = changes.tables().get(t.name());
                if (c != null && t.parent() == null) {
                    run.created(t, c.created(), changes);
                }
            }
            for (FeedTable t : config.tables()) {
                ChangeSet.Table c = changes.tables().get(t.name());
                if (c != null) {
                    if (t.parent() != null) {
                        run.orphanLines(t, c.created());
                    }
                    run.updated(t, c.updated());
                    run.deleted(t, c.deleted());
                }
            }
        } catch (OdooException e) {
            throw new FeedException(Reason.UNAVAILABLE, "Odoo failed during the push (" + e.getMessage() + "); records "
                    + "written so far are kept and a retry will not write them twice", e);
        } finally {
            run.resync();
        }
        return new PushResult(run.rejected, run.checkpoint(), run.written);
    }

    /** One push's state. */
    private final class Run {
        final String source;
        final OdooClient odoo;
        final long covered;
        final Map<String, Map<String, Rejection>> rejected = new LinkedHashMap<>();
        final Map<String, Set<Long>> touched = new LinkedHashMap<>();
        final Map<String, Set<Long>> removed = new LinkedHashMap<>();
        /** Device id → Odoo id per model, of records written or found in this push. */
        final Map<String, Map<String, Long>> known = new HashMap<>();
        int written;

        Run(String source, OdooClient odoo, long covered) {
            this.source = source;
            this.odoo = odoo;
            this.covered = covered;
        }

        void created(FeedTable t, List<PushedRecord> records, ChangeSet all) {
            List<FeedTable> children = config.tables().stream().filter(c -> c.parent() != null
                    && c.parent().parentTable().equals(t.name())).toList();
            for (PushedRecord r : records) {
                Map<FeedTable, List<PushedRecord>> lines = new LinkedHashMap<>();
                for (FeedTable child : children) {
                    ChangeSet.Table cc = all.tables().get(child.name());
                    if (cc != null) {
                        lines.put(child, cc.created().stream()
                                .filter(l -> r.id().equals(l.values().get(child.parent().column()))).toList());
                    }
                }
                try {
                    createOne(t, r, lines);
                } catch (UserErrorException | AccessErrorException e) {
                    reject(t, r.id(), Rejection.Kind.REFUSED, message(e));
                    lines.forEach((child, ls) -> ls.forEach(l -> reject(child, l.id(), Rejection.Kind.REFUSED,
                            "its " + child.parent().column() + " '" + r.id() + "' was refused: " + message(e))));
                } catch (Unresolved u) {
                    reject(t, r.id(), Rejection.Kind.REFUSED, u.getMessage());
                    lines.forEach((child, ls) -> ls.forEach(l -> reject(child, l.id(), Rejection.Kind.REFUSED,
                            "its " + child.parent().column() + " '" + r.id() + "' was not written: " + u.getMessage())));
                }
            }
        }

        private void createOne(FeedTable t, PushedRecord r, Map<FeedTable, List<PushedRecord>> lines) {
            PushedIds.Entry entry = ids.find(source, t.model(), r.id());
            long odooId;
            if (entry.odooId().isPresent()) {
                odooId = entry.odooId().getAsLong(); // written by an earlier push the device did not hear back from
            } else {
                // the values first: resolving references reads the id map, which the locked create must not wait for
                Map<String, Object> values = odooValues(t, r, false);
                values.put(t.markerField(), r.id());
                lines.forEach((child, ls) -> {
                    List<Object> commands = new ArrayList<>();
                    for (PushedRecord l : ls) {
                        commands.add(Command.create(odooValues(child, l, true)).toWire());
                    }
                    if (!commands.isEmpty()) {
                        values.put(child.parent().x2manyField(), commands);
                    }
                });
                odooId = ids.createOnce(source, t.model(), r.id(), Instant.now(), pending -> {
                    Long found = pending ? searchMarker(t, r.id()) : null;
                    if (found != null) {
                        LOG.info("push {} {}: device record {} was created in Odoo as {} by an interrupted push",
                                source, t.model(), r.id(), found);
                        return found;
                    }
                    afterCreate.creating(source, t.model(), r.id());
                    long created = odoo.model(t.model()).create(values);
                    afterCreate.created(source, t.model(), r.id(), created);
                    written++;
                    return created;
                });
            }
            known.computeIfAbsent(t.model(), m -> new HashMap<>()).put(r.id(), odooId);
            touched.computeIfAbsent(t.model(), m -> new LinkedHashSet<>()).add(odooId);
            for (Map.Entry<FeedTable, List<PushedRecord>> e : lines.entrySet()) {
                mapLines(e.getKey(), t, odooId, e.getValue());
            }
        }

        /** Maps the lines created with their parent to the parent's children, by position. */
        private void mapLines(FeedTable child, FeedTable parent, long parentId, List<PushedRecord> lines) {
            if (lines.isEmpty()) {
                return;
            }
            Map<String, Long> already = ids.odooIds(source, child.model(), lines.stream().map(PushedRecord::id).toList());
            List<Long> childIds;
            if (already.size() == lines.size()) {
                childIds = lines.stream().map(l -> already.get(l.id())).toList();
            } else {
                List<OdooRecord> read = odoo.model(parent.model()).read(List.of(parentId), List.of(child.parent().x2manyField()));
                childIds = read.isEmpty() ? List.of() : read.get(0).getIds(child.parent().x2manyField());
                childIds = childIds.stream().sorted().toList();
            }
            for (int i = 0; i < lines.size(); i++) {
                if (i < childIds.size()) {
                    ids.complete(source, child.model(), lines.get(i).id(), childIds.get(i), Instant.now());
                    known.computeIfAbsent(child.model(), m -> new HashMap<>()).put(lines.get(i).id(), childIds.get(i));
                    touched.computeIfAbsent(child.model(), m -> new LinkedHashSet<>()).add(childIds.get(i));
                } else {
                    reject(child, lines.get(i).id(), Rejection.Kind.REFUSED, "the " + parent.model() + " " + parentId
                            + " has fewer lines in Odoo than were pushed with it");
                }
            }
        }

        private Long searchMarker(FeedTable t, String clientId) {
            List<Long> found = odoo.model(t.model()).search(Domains.eq(t.markerField(), clientId),
                    SearchOptions.DEFAULT.includeArchived().limit(2));
            return found.isEmpty() ? null : found.get(0);
        }

        /** Lines pushed for a parent that is not created in this push cannot be written idempotently: rejected. */
        void orphanLines(FeedTable child, List<PushedRecord> lines) {
            for (PushedRecord l : lines) {
                Map<String, Long> ofModel = known.getOrDefault(child.model(), Map.of());
                if (!ofModel.containsKey(l.id()) && !isRejected(child, l.id())) {
                    reject(child, l.id(), Rejection.Kind.REFUSED, "a " + child.name() + " record can only be pushed "
                            + "together with the creation of its " + child.parent().column() + " record");
                }
            }
        }

        void updated(FeedTable t, List<PushedRecord> records) {
            Map<String, Long> targets = resolve(t, records.stream().map(PushedRecord::id).toList());
            Map<Long, String> conflicts = conflicts(t, targets.values());
            for (PushedRecord r : records) {
                Long id = targets.get(r.id());
                if (id == null) {
                    reject(t, r.id(), Rejection.Kind.REFUSED, "no Odoo record is known for id '" + r.id() + "'");
                    continue;
                }
                if (conflicts.containsKey(id)) {
                    reject(t, r.id(), Rejection.Kind.CONFLICT, conflicts.get(id));
                    continue;
                }
                Map<String, Object> values;
                try {
                    values = odooValues(t, r, false);
                    values.keySet().retainAll(r.changed().isEmpty() ? values.keySet() : r.changed());
                } catch (Unresolved u) {
                    reject(t, r.id(), Rejection.Kind.REFUSED, u.getMessage());
                    continue;
                }
                if (values.isEmpty()) {
                    continue;
                }
                try {
                    odoo.model(t.model()).write(List.of(id), values);
                    written++;
                    touched.computeIfAbsent(t.model(), m -> new LinkedHashSet<>()).add(id);
                } catch (UserErrorException | AccessErrorException e) {
                    reject(t, r.id(), Rejection.Kind.REFUSED, message(e));
                }
            }
        }

        void deleted(FeedTable t, List<String> deviceIds) {
            Map<String, Long> targets = resolve(t, deviceIds);
            Map<Long, String> conflicts = conflicts(t, targets.values());
            for (String d : deviceIds) {
                Long id = targets.get(d);
                if (id == null) {
                    continue; // never reached Odoo: nothing to delete
                }
                if (conflicts.containsKey(id)) {
                    reject(t, d, Rejection.Kind.CONFLICT, conflicts.get(id));
                    continue;
                }
                try {
                    odoo.model(t.model()).unlink(List.of(id));
                    written++;
                    removed.computeIfAbsent(t.model(), m -> new LinkedHashSet<>()).add(id);
                } catch (MissingRecordException e) {
                    removed.computeIfAbsent(t.model(), m -> new LinkedHashSet<>()).add(id); // already gone
                } catch (UserErrorException | AccessErrorException e) {
                    reject(t, d, Rejection.Kind.REFUSED, message(e));
                }
            }
        }

        /** Device ids → Odoo ids: pushed ones through the map, Odoo's own through their text. */
        private Map<String, Long> resolve(FeedTable t, List<String> deviceIds) {
            Map<String, Long> out = new HashMap<>(ids.odooIds(source, t.model(), deviceIds));
            out.putAll(known.getOrDefault(t.model(), Map.of()));
            for (String d : deviceIds) {
                if (!out.containsKey(d) && d.matches("[1-9][0-9]{0,17}")) {
                    out.put(d, Long.parseLong(d));
                }
            }
            return out;
        }

        /** Odoo id → why it conflicts, for records changed after the client's last pull. */
        private Map<Long, String> conflicts(FeedTable t, java.util.Collection<Long> odooIds) {
            Map<Long, String> out = new HashMap<>();
            if (odooIds.isEmpty() || db == null) {
                return out;
            }
            List<String> keys = odooIds.stream().map(id -> source + ":" + id).toList();
            Map<Long, Instant> stored = new HashMap<>();
            try {
                for (Document d : db.getCollection(config.collectionOf(t.model()))
                        .find(Filters.and(Filters.in("_id", keys), Filters.eq("_source", source)))
                        .projection(Projections.include("_seq", "_write_date"))) {
                    long id = RowMapper.idFromKey(d.get("_id"));
                    Object seq = d.get("_seq");
                    if (seq instanceof Number n && n.longValue() > covered) {
                        out.put(id, "changed in Odoo after the last pull (change " + n.longValue() + " > "
                                + covered + "); pull, then push again");
                    }
                    if (d.get("_write_date") instanceof java.util.Date w) {
                        stored.put(id, w.toInstant());
                    }
                }
            } catch (MongoException e) {
                throw new FeedException(Reason.UNAVAILABLE, "the read model failed: " + e.getMessage(), e);
            }
            for (OdooRecord r : odoo.model(t.model()).read(odooIds, List.of("write_date"))) {
                Instant inOdoo = r.getInstant("write_date");
                Instant seen = stored.get(r.id());
                if (inOdoo != null && seen != null && inOdoo.isAfter(seen) && !out.containsKey(r.id())) {
                    out.put(r.id(), "changed in Odoo at " + inOdoo + ", after the read model's copy (" + seen
                            + "); pull, then push again");
                }
            }
            return out;
        }

        /** The Odoo values of a pushed record: writable columns, references mapped to Odoo ids. */
        private Map<String, Object> odooValues(FeedTable t, PushedRecord r, boolean asChild) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (FeedColumn c : t.columns()) {
                if (!c.writable() || !r.values().containsKey(c.name())) {
                    continue;
                }
                if (asChild && t.parent() != null && c.name().equals(t.parent().column())) {
                    continue; // set by the parent's x2many command
                }
                Object v = r.values().get(c.name());
                if (v == null) {
                    if (!asChild && r.changed().contains(c.name())) {
                        values.put(c.field(), false);
                    }
                    continue;
                }
                values.put(c.field(), switch (c.type()) {
                    case REFERENCE -> reference(c, (String) v);
                    case TIMESTAMP -> odooDatetime(((Number) v).longValue());
                    default -> v;
                });
            }
            return values;
        }

        private long reference(FeedColumn c, String deviceId) {
            Long id = known.getOrDefault(c.refModel(), Map.of()).get(deviceId);
            if (id == null) {
                id = ids.odooIds(source, c.refModel(), List.of(deviceId)).get(deviceId);
            }
            if (id == null && deviceId.matches("[1-9][0-9]{0,17}")) {
                id = Long.parseLong(deviceId);
            }
            if (id == null) {
                throw new Unresolved("column '" + c.name() + "' refers to '" + deviceId + "', which is not in Odoo "
                        + "(not pushed, or rejected)");
            }
            return id;
        }

        private boolean isRejected(FeedTable t, String id) {
            return rejected.getOrDefault(t.name(), Map.of()).containsKey(id);
        }

        private void reject(FeedTable t, String id, Rejection.Kind kind, String message) {
            rejected.computeIfAbsent(t.name(), x -> new LinkedHashMap<>()).putIfAbsent(id, new Rejection(kind, message));
        }

        void resync() {
            Set<String> models = new LinkedHashSet<>(touched.keySet());
            models.addAll(removed.keySet());
            for (String model : models) {
                Set<Long> all = new LinkedHashSet<>(touched.getOrDefault(model, Set.of()));
                all.addAll(removed.getOrDefault(model, Set.of()));
                try {
                    config.resync().orElseThrow().resync(source, model, all);
                } catch (RuntimeException e) {
                    LOG.warn("re-sync of {} {} {} after a push failed; the scheduled sync will bring them", source, model, all, e);
                }
            }
        }

        /** The highest sequence among the written records' documents and tombstones, plus one. */
        long checkpoint() {
            long max = 0;
            if (db == null) {
                return Math.max(1, config.sequence().safeSequence() + 1);
            }
            try {
                for (Map.Entry<String, Set<Long>> e : touched.entrySet()) {
                    List<String> keys = e.getValue().stream().map(id -> source + ":" + id).toList();
                    for (Document d : db.getCollection(config.collectionOf(e.getKey())).find(Filters.in("_id", keys))
                            .projection(Projections.include("_seq"))) {
                        if (d.get("_seq") instanceof Number n) {
                            max = Math.max(max, n.longValue());
                        }
                    }
                }
                for (Map.Entry<String, Set<Long>> e : removed.entrySet()) {
                    String coll = config.collectionOf(e.getKey());
                    List<String> keys = e.getValue().stream().map(id -> coll + "|" + source + ":" + id).toList();
                    for (Document d : db.getCollection(PullReader.TOMBSTONES).find(Filters.in("_id", keys))
                            .projection(Projections.include("_seq"))) {
                        if (d.get("_seq") instanceof Number n) {
                            max = Math.max(max, n.longValue());
                        }
                    }
                }
            } catch (MongoException e) {
                throw new FeedException(Reason.UNAVAILABLE, "the read model failed: " + e.getMessage(), e);
            }
            return max + 1;
        }
    }

    private static String odooDatetime(long epochMillis) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(epochMillis));
    }

    private static String message(OdooException e) {
        return e instanceof OdooServerException s && s.serverMessage() != null ? s.serverMessage() : e.getMessage();
    }

    /** A reference to a record Odoo does not have. */
    private static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(String message) {
            super(message, null, false, false);
        }
    }
}
