package dev.odoobridge.client.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Static factories for {@link Domain}s, one per Odoo operator, plus {@code and}/{@code or}/{@code not}. */
public final class Domains {
    private static final Domain ALL = new Domain.True();
    private static final Domain NONE = new Domain.False();

    private Domains() {
    }

    /** Matches every record ({@code []}). */
    public static Domain all() {
        return ALL;
    }

    /** Matches no record. */
    public static Domain none() {
        return NONE;
    }

    /** A leaf with any operator. */
    public static Domain condition(String path, Operator operator, Object value) {
        return new Domain.Condition(path, operator, value);
    }

    /** {@code path = value}; a null value means "is not set" (Odoo's {@code = False}). */
    public static Domain eq(String path, Object value) {
        return condition(path, Operator.EQ, value);
    }

    /** {@code path != value}. */
    public static Domain ne(String path, Object value) {
        return condition(path, Operator.NE, value);
    }

    /** {@code path < value}. */
    public static Domain lt(String path, Object value) {
        return condition(path, Operator.LT, value);
    }

    /** {@code path <= value}. */
    public static Domain le(String path, Object value) {
        return condition(path, Operator.LE, value);
    }

    /** {@code path > value}. */
    public static Domain gt(String path, Object value) {
        return condition(path, Operator.GT, value);
    }

    /** {@code path >= value}. */
    public static Domain ge(String path, Object value) {
        return condition(path, Operator.GE, value);
    }

    /** {@code path =? value}: matches all when value is unset, else equality. */
    public static Domain eqOrUnset(String path, Object value) {
        return condition(path, Operator.EQ_OR_UNSET, value);
    }

    /** {@code path like value} (substring, case-sensitive). */
    public static Domain like(String path, String value) {
        return condition(path, Operator.LIKE, value);
    }

    /** {@code path ilike value} (substring, case-insensitive). */
    public static Domain ilike(String path, String value) {
        return condition(path, Operator.ILIKE, value);
    }

    /** {@code path not like value}. */
    public static Domain notLike(String path, String value) {
        return condition(path, Operator.NOT_LIKE, value);
    }

    /** {@code path not ilike value}. */
    public static Domain notIlike(String path, String value) {
        return condition(path, Operator.NOT_ILIKE, value);
    }

    /** {@code path =like pattern} (SQL pattern with your own {@code %} / {@code _}). */
    public static Domain eqLike(String path, String pattern) {
        return condition(path, Operator.EQ_LIKE, pattern);
    }

    /** {@code path =ilike pattern}. */
    public static Domain eqIlike(String path, String pattern) {
        return condition(path, Operator.EQ_ILIKE, pattern);
    }

    /** {@code path in values}. */
    public static Domain in(String path, Collection<?> values) {
        return condition(path, Operator.IN, values);
    }

    /** {@code path in values}. */
    public static Domain in(String path, Object... values) {
        return in(path, Arrays.asList(values));
    }

    /** {@code path not in values}. */
    public static Domain notIn(String path, Collection<?> values) {
        return condition(path, Operator.NOT_IN, values);
    }

    /** {@code path child_of id} (the record and all its descendants). */
    public static Domain childOf(String path, Object idOrIds) {
        return condition(path, Operator.CHILD_OF, idOrIds);
    }

    /** {@code path parent_of id} (the record and all its ancestors). */
    public static Domain parentOf(String path, Object idOrIds) {
        return condition(path, Operator.PARENT_OF, idOrIds);
    }

    /** {@code path any sub}: some related record matches {@code sub}. */
    public static Domain any(String path, Domain sub) {
        return condition(path, Operator.ANY, Objects.requireNonNull(sub, "sub == null"));
    }

    /** {@code path not any sub}: no related record matches {@code sub}. */
    public static Domain notAny(String path, Domain sub) {
        return condition(path, Operator.NOT_ANY, Objects.requireNonNull(sub, "sub == null"));
    }

    /** Conjunction; {@code all()} children vanish, a {@code none()} child makes it none, nested Ands flatten. */
    public static Domain and(Domain... domains) {
        return and(Arrays.asList(domains));
    }

    /** Conjunction of a list. */
    public static Domain and(List<Domain> domains) {
        List<Domain> flat = new ArrayList<>();
        for (Domain d : domains) {
            Objects.requireNonNull(d, "domain == null");
            if (d instanceof Domain.True) {
                continue;
            }
            if (d instanceof Domain.False) {
                return NONE;
            }
            if (d instanceof Domain.And a) {
                flat.addAll(a.children());
            } else {
                flat.add(d);
            }
        }
        return flat.isEmpty() ? ALL : flat.size() == 1 ? flat.get(0) : new Domain.And(flat);
    }

    /** Disjunction; an {@code all()} child makes it all, {@code none()} children vanish, nested Ors flatten. */
    public static Domain or(Domain... domains) {
        return or(Arrays.asList(domains));
    }

    /** Disjunction of a list. */
    public static Domain or(List<Domain> domains) {
        List<Domain> flat = new ArrayList<>();
        for (Domain d : domains) {
            Objects.requireNonNull(d, "domain == null");
            if (d instanceof Domain.False) {
                continue;
            }
            if (d instanceof Domain.True) {
                return ALL;
            }
            if (d instanceof Domain.Or o) {
                flat.addAll(o.children());
            } else {
                flat.add(d);
            }
        }
        return flat.isEmpty() ? NONE : flat.size() == 1 ? flat.get(0) : new Domain.Or(flat);
    }

    /** Negation; double negation cancels. */
    public static Domain not(Domain domain) {
        Objects.requireNonNull(domain, "domain == null");
        if (domain instanceof Domain.Not n) {
            return n.child();
        }
        if (domain instanceof Domain.True) {
            return NONE;
        }
        if (domain instanceof Domain.False) {
            return ALL;
        }
        return new Domain.Not(domain);
    }
}
