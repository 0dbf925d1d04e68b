package dev.odoobridge.client.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An x2many write command, Odoo's {@code Command} tuples:
 * {@code (0,0,vals)} create, {@code (1,id,vals)} update, {@code (2,id,0)} delete,
 * {@code (3,id,0)} unlink, {@code (4,id,0)} link, {@code (5,0,0)} clear, {@code (6,0,ids)} set.
 * Put a {@code List<Command>} as the value of a one2many / many2many field.
 */
public sealed interface Command {

    /** The wire form: a 3-element list. */
    List<Object> toWire();

    /** Create a new related record from values. */
    static Command create(Map<String, ?> values) {
        return new Create(values);
    }

    /** Update the related record {@code id} with values. */
    static Command update(long id, Map<String, ?> values) {
        return new Update(id, values);
    }

    /** Remove the related record and delete it from the database. */
    static Command delete(long id) {
        return new Delete(id);
    }

    /** Remove the relation to {@code id} (the record itself stays). */
    static Command unlink(long id) {
        return new Unlink(id);
    }

    /** Add a relation to an existing record. */
    static Command link(long id) {
        return new Link(id);
    }

    /** Remove all relations (records stay). */
    static Command clear() {
        return new Clear();
    }

    /** Replace all relations by exactly these ids. */
    static Command set(Collection<Long> ids) {
        return new Set(ids);
    }

    /** {@code (0, 0, values)}. */
    record Create(Map<String, ?> values) implements Command {
        public Create {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values == null")));
        }

        @Override
        public List<Object> toWire() {
            return List.of(0, 0, values);
        }
    }

    /** {@code (1, id, values)}. */
    record Update(long id, Map<String, ?> values) implements Command {
        public Update {
            requirePositive(id);
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values == null")));
        }

        @Override
        public List<Object> toWire() {
            return List.of(1, id, values);
        }
    }

    /** {@code (2, id, 0)}. */
    record Delete(long id) implements Command {
        public Delete {
            requirePositive(id);
        }

        @Override
        public List<Object> toWire() {
            return List.of(2, id, 0);
        }
    }

    /** {@code (3, id, 0)}. */
    record Unlink(long id) implements Command {
        public Unlink {
            requirePositive(id);
        }

        @Override
        public List<Object> toWire() {
            return List.of(3, id, 0);
        }
    }

    /** {@code (4, id, 0)}. */
    record Link(long id) implements Command {
        public Link {
            requirePositive(id);
        }

        @Override
        public List<Object> toWire() {
            return List.of(4, id, 0);
        }
    }

    /** {@code (5, 0, 0)}. */
    record Clear() implements Command {
        @Override
        public List<Object> toWire() {
            return List.of(5, 0, 0);
        }
    }

    /** {@code (6, 0, ids)}. */
    record Set(List<Long> ids) implements Command {
        public Set(Collection<Long> ids) {
            this(List.copyOf(Objects.requireNonNull(ids, "ids == null")));
        }

        public Set {
            ids = List.copyOf(ids);
            ids.forEach(Command::requirePositive);
        }

        @Override
        public List<Object> toWire() {
            return List.of(6, 0, new ArrayList<Object>(ids));
        }
    }

    private static void requirePositive(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("record id must be positive, was " + id);
        }
    }
}
