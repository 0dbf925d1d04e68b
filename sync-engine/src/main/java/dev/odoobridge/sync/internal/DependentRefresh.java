package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.Dependent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The dependent-refresh rule shared by the sync engine and the webhook processor: after records of
 * a parent model were applied, re-read the synced child records whose link field points at them
 * (in chunks of parent ids, archived children included) and apply them through the projector.
 * The projector's version guard keeps a concurrent sync of the child model harmless.
 */
public final class DependentRefresh {
    /** Reads child records whose link field is one of the parent ids, archived ones included. */
    @FunctionalInterface
    public interface ChildReader {
        /**
         * @param model child model
         * @param linkField the child's many2one to the parent
         * @param parentIds parent ids (one chunk)
         * @param fields fields to read, {@code id} and {@code write_date} included
         */
        List<OdooRecord> read(String model, String linkField, List<Long> parentIds, List<String> fields);
    }

    /** The fields read of a synced model of a source ({@code id} and {@code write_date} included). */
    @FunctionalInterface
    public interface Fields {
        /** The fields to read of the model in the source, or null when it cannot be read there. */
        List<String> of(String source, String model);
    }

    /** What one refresh did for one child model. */
    public record Refreshed(String model, int rows, ApplyResult result, int calls) {
    }

    /** Nothing to refresh. */
    public static final DependentRefresh NONE = new DependentRefresh(List.of(), Map.of(), 1, Clock.systemUTC());

    private final List<Dependent> dependents;
    private final Fields fields;
    private final int chunkSize;
    private final Clock clock;

    /**
     * @param dependents the declared dependents; those whose child model has no fields here are ignored
     * @param fieldsByModel the fields read per synced model ({@code id} and {@code write_date} included)
     * @param chunkSize parent ids per child read
     * @param clock time source for the fetch instant of each read
     */
    public DependentRefresh(List<Dependent> dependents, Map<String, List<String>> fieldsByModel, int chunkSize, Clock clock) {
        this(dependents, Objects.requireNonNull(fieldsByModel, "fieldsByModel == null").keySet(),
                fixed(Map.copyOf(fieldsByModel)), chunkSize, clock);
    }

    /**
     * @param dependents the declared dependents; those whose child model is not synced are ignored
     * @param syncedModels the synced models
     * @param fields the fields read per source and synced model (they follow each server's schema)
     * @param chunkSize parent ids per child read
     * @param clock time source for the fetch instant of each read
     */
    public DependentRefresh(List<Dependent> dependents, java.util.Set<String> syncedModels, Fields fields, int chunkSize,
                            Clock clock) {
        Objects.requireNonNull(dependents, "dependents == null");
        java.util.Set<String> synced = java.util.Set.copyOf(Objects.requireNonNull(syncedModels, "syncedModels == null"));
        this.fields = Objects.requireNonNull(fields, "fields == null");
        this.dependents = dependents.stream().filter(d -> synced.contains(d.childModel())).toList();
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, was " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    private static Fields fixed(Map<String, List<String>> byModel) {
        return (source, model) -> byModel.get(model);
    }

    /** The child models re-read after records of {@code parentModel} were applied (itself included when it is one). */
    public java.util.Set<String> childModels(String parentModel) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        dependents.stream().filter(d -> d.parentModel().equals(parentModel)).forEach(d -> out.add(d.childModel()));
        return out;
    }

    /** Whether applying records of this model triggers a refresh. */
    public boolean hasDependents(String parentModel) {
        return dependents.stream().anyMatch(d -> d.parentModel().equals(parentModel));
    }

    /**
     * Re-reads and applies the children of these parent records, one result per dependent child model.
     *
     * @throws SyncStepException when a read or an apply fails (nothing is swallowed; the caller's
     *     checkpoint or event must not move)
     */
    public List<Refreshed> refresh(String source, String parentModel, Collection<Long> parentIds,
                                   ChildReader reader, Projector projector) {
        return refresh(source, parentModel, parentIds, parentIds, reader, projector);
    }

    /**
     * As {@link #refresh(String, String, Collection, ChildReader, Projector)}, but a dependent whose
     * child model is the parent model itself (contacts on their company) re-reads the children of
     * {@code selfParentIds} only. A full run passes the parents written since it started there: it
     * reads every record of the model after it started, so a child read in it already shows what an
     * older parent holds.
     */
    public List<Refreshed> refresh(String source, String parentModel, Collection<Long> parentIds,
                                   Collection<Long> selfParentIds, ChildReader reader, Projector projector) {
        return refresh(source, parentModel, child -> child.equals(parentModel) ? selfParentIds : parentIds, reader,
                projector);
    }

    /**
     * As {@link #refresh(String, String, Collection, ChildReader, Projector)}, with the parent ids whose
     * children are re-read chosen per child model: {@code parentIdsFor} gives them for a child model (a
     * sync leaves out the parents whose children a whole read of the child model already shows).
     */
    public List<Refreshed> refresh(String source, String parentModel,
                                   java.util.function.Function<String, Collection<Long>> parentIdsFor,
                                   ChildReader reader, Projector projector) {
        List<Refreshed> out = new ArrayList<>();
        for (Dependent d : dependents) {
            if (d.parentModel().equals(parentModel)) {
                List<Long> ids = new ArrayList<>(new TreeSet<>(parentIdsFor.apply(d.childModel())));
                if (!ids.isEmpty()) {
                    out.add(refreshOne(source, d, ids, reader, projector));
                }
            }
        }
        return out;
    }

    private Refreshed refreshOne(String source, Dependent d, List<Long> ids, ChildReader reader, Projector projector) {
        List<String> fields = this.fields.of(source, d.childModel());
        ApplyResult total = ApplyResult.EMPTY;
        if (fields == null) {
            return new Refreshed(d.childModel(), 0, total, 0);
        }
        int rows = 0;
        int calls = 0;
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
            Instant fetchedAt = clock.instant();
            List<OdooRecord> children;
            calls++;
            try {
                children = reader.read(d.childModel(), d.linkField(), chunk, fields);
            } catch (RuntimeException e) {
                throw new SyncStepException("re-reading the " + d.childModel() + " records of " + chunk.size() + " "
                        + d.parentModel() + " records (by " + d.linkField() + ") failed: " + e.getMessage(), e);
            }
            if (children.isEmpty()) {
                continue;
            }
            try {
                total = total.plus(projector.apply(source, d.childModel(), children, fetchedAt));
            } catch (RuntimeException e) {
                throw new SyncStepException("writing " + children.size() + " re-read " + d.childModel()
                        + " records to the read model failed: " + e.getMessage(), e);
            }
            rows += children.size();
        }
        return new Refreshed(d.childModel(), rows, total, calls);
    }
}
