package dev.odoobridge.client.domain;

import dev.odoobridge.client.value.OdooValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable Odoo search domain. Nodes are records, so {@code equals}/{@code hashCode} are
 * structural. Build them with {@link Domains}.
 */
public sealed interface Domain permits Domain.Condition, Domain.And, Domain.Or, Domain.Not, Domain.True, Domain.False {

    /** Odoo's prefix (Polish) notation as plain values: {@code ["&", ["a","=",1], ["b","in",[1,2]]]}. */
    default List<Object> toWire() {
        List<Object> out = new ArrayList<>();
        DomainRenderer.render(this, out);
        return out;
    }

    /** The textual Python-list form, e.g. {@code [('state', '=', 'sale')]}; parseable by {@link DomainParser}. */
    default String toText() {
        return DomainRenderer.toText(toWire());
    }

    /** {@code this AND other}. */
    default Domain and(Domain other) {
        return Domains.and(this, other);
    }

    /** {@code this OR other}. */
    default Domain or(Domain other) {
        return Domains.or(this, other);
    }

    /**
     * A leaf {@code (path, operator, value)}. The value is a plain value, a collection for
     * {@code in}/{@code not in}, or a {@link Domain} for {@code any}/{@code not any}.
     */
    record Condition(String path, Operator operator, Object value) implements Domain {
        private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

        public Condition {
            Objects.requireNonNull(path, "path == null");
            Objects.requireNonNull(operator, "operator == null");
            if (!PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("invalid field path in domain: '" + path + "'");
            }
            if (operator.takesDomain()) {
                if (!(value instanceof Domain)) {
                    throw new IllegalArgumentException("operator '" + operator.symbol() + "' needs a sub-domain as value");
                }
            } else if (operator == Operator.IN || operator == Operator.NOT_IN) {
                if (!(value instanceof Collection<?>)) {
                    throw new IllegalArgumentException("operator '" + operator.symbol() + "' needs a collection as value");
                }
                value = List.copyOf((Collection<?>) value);
            } else if (value instanceof Collection<?> c && operator != Operator.CHILD_OF && operator != Operator.PARENT_OF) {
                value = List.copyOf(c);
            }
            if (value instanceof Collection<?> c && !(value instanceof List<?>)) {
                value = List.copyOf(c);
            }
            if (value != null && !(value instanceof Domain)) {
                OdooValues.toWire(value); // fails early on values Odoo cannot take
            }
        }
    }

    /** All children must match; never empty (use {@link Domains#all()}). */
    record And(List<Domain> children) implements Domain {
        public And {
            children = List.copyOf(children);
            if (children.size() < 2) {
                throw new IllegalArgumentException("And needs at least two children");
            }
        }
    }

    /** Any child must match. */
    record Or(List<Domain> children) implements Domain {
        public Or {
            children = List.copyOf(children);
            if (children.size() < 2) {
                throw new IllegalArgumentException("Or needs at least two children");
            }
        }
    }

    /** Negation. */
    record Not(Domain child) implements Domain {
        public Not {
            Objects.requireNonNull(child, "child == null");
        }
    }

    /** Matches everything: the empty domain {@code []}. */
    record True() implements Domain {
    }

    /** Matches nothing: {@code [(0, '=', 1)]} on the wire. */
    record False() implements Domain {
    }
}
